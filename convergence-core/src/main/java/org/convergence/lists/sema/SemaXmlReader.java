package org.convergence.lists.sema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ListDates;
import org.convergence.lists.XmlFiles;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads Canada's Consolidated Autonomous Sanctions List (Special Economic Measures Act, SEMA) in its
 * XML form, in the current schema ({@code EntityOrShip}, {@code TitleOrShip}, {@code ShipIMONumber},
 * {@code DateOfListing}) and the older one of 2020 ({@code Entity}, {@code Title},
 * {@code DateOfBirth}). Each record becomes a Person, Organization or Vessel and a Sanction.
 *
 * <p>Ids are derived from the regime country, schedule and item number, which are unique in a list
 * version and stable across versions. A record's fields without an FtM property go into notes.
 */
public final class SemaXmlReader implements EntitySource {
    public static final String AUTHORITY = "Global Affairs Canada";
    public static final String SOURCE_URL = "https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx";
    private static final Pattern ALIAS_SEPARATOR = Pattern.compile("\\s*[;,]\\s+");

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final XMLStreamReader xml;
    private final InputStream input;
    private final long size;
    private final List<Entity> pending = new ArrayList<>(2);
    private int record;
    private String latestListing;

    public SemaXmlReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        try {
            this.size = Files.size(file);
            this.input = Files.newInputStream(file);
            this.xml = XmlFiles.open(input);
            xml.nextTag();
            if (!"data-set".equals(xml.getLocalName())) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": root element is <" + xml.getLocalName()
                        + ">, expected <data-set>: is this Canada's SEMA consolidated list XML?");
            }
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private ConvergenceException malformed(XMLStreamException e) {
        var location = e.getLocation();
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, file + (location == null ? "" : ":" + location.getLineNumber())
                + ": malformed XML (" + e.getMessage().replaceAll("\\s+", " ") + "); is the file truncated?");
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "record".equals(xml.getLocalName())) {
                    int line = xml.getLocation().getLineNumber();
                    Map<String, String> fields = readRecord();
                    record++;
                    pending.addAll(entities(fields, file.getFileName() + ":" + line + " record " + record));
                    return pending.removeFirst();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private Map<String, String> readRecord() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = xml.getLocalName();
            fields.put(name, xml.getElementText().strip());
        }
        return fields;
    }

    private List<Entity> entities(Map<String, String> fields, String where) {
        String country = english(fields.remove("Country"));
        String schedule = fields.remove("Schedule");
        String item = fields.remove("Item");
        if (country == null || item == null) {
            throw new InvalidRecordException(where, "fields Country and Item are required in every record");
        }
        String key = (country + "-" + (schedule == null ? "" : schedule) + "-" + item).toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String lastName = fields.remove("LastName");
        String givenName = fields.remove("GivenName");
        String entityName = fields.containsKey("EntityOrShip") ? fields.remove("EntityOrShip") : fields.remove("Entity");
        String imo = fields.remove("ShipIMONumber");
        String title = fields.containsKey("TitleOrShip") ? fields.remove("TitleOrShip") : fields.remove("Title");
        String born = fields.containsKey("DateOfBirthOrShipBuildDate") ? fields.remove("DateOfBirthOrShipBuildDate") : fields.remove("DateOfBirth");
        String listed = fields.remove("DateOfListing");
        String aliases = fields.remove("Aliases");

        String schema = imo != null ? "Vessel" : entityName != null ? "Organization" : "Person";
        EntityBuilder subject = Entity.builder(model.requireSchema(schema), "ca-sema-" + key, dataset).source(where);
        if (schema.equals("Person")) {
            if (lastName == null && givenName == null) {
                throw new InvalidRecordException(where, "no name: expected LastName and GivenName, or EntityOrShip");
            }
            subject.add("name", join(givenName, lastName)).add("firstName", givenName).add("lastName", lastName).add("position", title);
            ListDates.add(subject, "birthDate", born, where);
        } else {
            subject.add("name", entityName);
            if (schema.equals("Vessel")) {
                subject.add("imoNumber", imo).add("type", title);
                ListDates.add(subject, "buildDate", born, where);
            } else {
                subject.add("notes", title);
                ListDates.add(subject, "incorporationDate", born, where);
            }
        }
        if (aliases != null) {
            for (String alias : ALIAS_SEPARATOR.split(aliases)) {
                subject.add("alias", alias.strip());
            }
        }
        subject.add("topics", "sanction").add("sourceUrl", SOURCE_URL);
        fields.forEach((name, value) -> subject.add("notes", name + ": " + value));

        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), "ca-sema-sanction-" + key, dataset).source(where)
                .add("entity", "ca-sema-" + key).add("authority", AUTHORITY).add("country", "ca")
                .add("program", "Special Economic Measures Act: " + country + (schedule == null ? "" : ", Schedule " + schedule))
                .add("authorityId", item).add("sourceUrl", SOURCE_URL);
        ListDates.add(sanction, "listingDate", listed, where);
        if (listed != null && ListDates.plausible(listed) && (latestListing == null || listed.compareTo(latestListing) > 0)) {
            latestListing = listed;
        }
        return List.of(subject.build(), sanction.build());
    }

    /** "Russia / Russie" to "Russia": the list gives English and French. */
    private static String english(String bilingual) {
        if (bilingual == null) {
            return null;
        }
        int slash = bilingual.indexOf(" / ");
        return slash < 0 ? bilingual.strip() : bilingual.substring(0, slash).strip();
    }

    private static String join(String given, String last) {
        return given == null ? last : last == null ? given : given + " " + last;
    }

    /** The list states no publication date; its newest listing date is the date the data is current to. */
    @Override
    public String dataDate() {
        return latestListing;
    }

    /** Records read so far. */
    public int records() {
        return record;
    }

    @Override
    public long position() {
        return record;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() {
        XmlFiles.close(xml, input);
    }
}
