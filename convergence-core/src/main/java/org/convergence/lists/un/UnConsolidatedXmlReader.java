package org.convergence.lists.un;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.InvalidRecordException;
import org.convergence.lists.Countries;
import org.convergence.lists.ListDates;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads the UN Security Council Consolidated List XML ({@code CONSOLIDATED_LIST} with
 * {@code INDIVIDUALS} and {@code ENTITIES}). Each INDIVIDUAL becomes a Person, each ENTITY an
 * Organization, and each a Sanction under its sanctions regime ({@code UN_LIST_TYPE}) with its
 * reference number and listing date.
 *
 * <p>Aliases keep the list's quality: "Good" and "a.k.a." are strong aliases, "Low" weak ones, and
 * "f.k.a." previous names. Ids come from {@code DATAID}, the list's own stable record id. The date of
 * the data is the list's {@code dateGenerated}.
 */
public final class UnConsolidatedXmlReader implements EntitySource {
    public static final String AUTHORITY = "United Nations Security Council";
    public static final String SOURCE_URL = "https://www.un.org/securitycouncil/content/un-sc-consolidated-list";

    /** An element of a record: its text, or its child elements. */
    private record Node(String name, String text, List<Node> children) {
        Stream<Node> all(String child) {
            return children.stream().filter(node -> node.name().equals(child));
        }

        String first(String child) {
            return all(child).map(Node::text).filter(text -> !text.isBlank()).findFirst().orElse(null);
        }

        /** The VALUE texts of a child like NATIONALITY or DESIGNATION. */
        List<String> values(String child) {
            return all(child).flatMap(node -> node.all("VALUE")).map(Node::text).filter(text -> !text.isBlank()).toList();
        }
    }

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final InputStream input;
    private final XMLStreamReader xml;
    private final String dataDate;
    private final List<Entity> pending = new ArrayList<>(2);
    private int records;

    public UnConsolidatedXmlReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        try {
            this.input = Files.newInputStream(file);
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            this.xml = factory.createXMLStreamReader(input);
            xml.nextTag();
            if (!"CONSOLIDATED_LIST".equals(xml.getLocalName())) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": root element is <" + xml.getLocalName()
                        + ">, expected <CONSOLIDATED_LIST>: is this the UN Security Council consolidated list XML?");
            }
            String generated = xml.getAttributeValue(null, "dateGenerated");
            this.dataDate = generated != null && generated.length() >= 10 && ListDates.plausible(generated.substring(0, 10))
                    ? generated.substring(0, 10) : null;
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
                + ": malformed XML (" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + "); is the file truncated?");
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && ("INDIVIDUAL".equals(xml.getLocalName()) || "ENTITY".equals(xml.getLocalName()))) {
                    int line = xml.getLocation().getLineNumber();
                    Node record = read();
                    records++;
                    pending.addAll(entities(record, file.getFileName() + ":" + line + " record " + records));
                    return pending.removeFirst();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** Reads the element at the cursor, with its children, into a node. */
    private Node read() throws XMLStreamException {
        String name = xml.getLocalName();
        List<Node> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                children.add(read());
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return new Node(name, text.toString().strip(), children);
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": ends inside <" + name + ">; is the file truncated?");
            }
        }
    }

    private List<Entity> entities(Node record, String where) {
        String dataId = record.first("DATAID");
        if (dataId == null || !dataId.matches("\\d+")) {
            throw new InvalidRecordException(where, "DATAID: '" + dataId + "' is not the list's numeric record id");
        }
        boolean individual = record.name().equals("INDIVIDUAL");
        String id = "un-sc-" + dataId;
        EntityBuilder subject = Entity.builder(model.requireSchema(individual ? "Person" : "Organization"), id, dataset).source(where);
        List<String> nameParts = Stream.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME").map(record::first)
                .filter(part -> part != null).toList();
        if (nameParts.isEmpty()) {
            throw new InvalidRecordException(where, "FIRST_NAME: every record of the list has a name, this one has none");
        }
        subject.add("name", String.join(" ", nameParts));
        if (individual) {
            subject.add("firstName", record.first("FIRST_NAME")).add("secondName", record.first("SECOND_NAME"))
                    .add("middleName", record.first("THIRD_NAME")).add("middleName", record.first("FOURTH_NAME"));
            String gender = record.first("GENDER");
            if (gender != null) {
                subject.add("gender", gender.toLowerCase(Locale.ROOT));
            }
            record.values("TITLE").forEach(title -> subject.add("title", title));
            record.values("DESIGNATION").forEach(designation -> subject.add("position", designation));
            record.values("NATIONALITY").forEach(nationality -> country(subject, "nationality", nationality));
        }
        subject.add("alias", record.first("NAME_ORIGINAL_SCRIPT"));
        record.all(individual ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS").forEach(alias -> alias(subject, alias));
        record.all(individual ? "INDIVIDUAL_ADDRESS" : "ENTITY_ADDRESS").forEach(address -> address(subject, address));
        record.all("INDIVIDUAL_DATE_OF_BIRTH").forEach(birth -> birthDate(subject, birth, where));
        record.all("INDIVIDUAL_PLACE_OF_BIRTH").forEach(place -> {
            String text = join(place, "CITY", "STATE_PROVINCE", "COUNTRY");
            if (!text.isEmpty()) {
                subject.add("birthPlace", text);
            }
            String country = Countries.code(place.first("COUNTRY"));
            if (country != null) {
                subject.add("birthCountry", country);
            }
        });
        // The list repeats a document once per language of its type (Passport, Numéro de passeport ...).
        java.util.Set<String> numbers = new java.util.HashSet<>();
        record.all("INDIVIDUAL_DOCUMENT").forEach(document -> document(subject, document, numbers));
        subject.add("notes", record.first("COMMENTS1")).add("topics", "sanction").add("sourceUrl", SOURCE_URL);
        record.values("LAST_DAY_UPDATED").forEach(updated -> subject.add("notes", "Last day updated: " + updated));
        subject.add("notes", "Version: " + record.first("VERSIONNUM"));

        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), "un-sc-sanction-" + dataId, dataset).source(where)
                .add("entity", id).add("authority", AUTHORITY).add("program", record.first("UN_LIST_TYPE"))
                .add("authorityId", record.first("REFERENCE_NUMBER")).add("sourceUrl", SOURCE_URL);
        ListDates.add(sanction, "listingDate", withoutZone(record.first("LISTED_ON")), where);
        record.values("LIST_TYPE").forEach(list -> sanction.add("provisions", list));
        return List.of(subject.build(), sanction.build());
    }

    /** Good and a.k.a. aliases are strong, Low weak, f.k.a. former names. */
    private static void alias(EntityBuilder subject, Node alias) {
        String name = alias.first("ALIAS_NAME");
        if (name == null) {
            return;
        }
        String quality = String.valueOf(alias.first("QUALITY")).toLowerCase(Locale.ROOT);
        String property = quality.equals("low") ? "weakAlias" : quality.equals("f.k.a.") ? "previousName" : "alias";
        subject.add(property, name);
        String details = join(alias, "DATE_OF_BIRTH", "CITY_OF_BIRTH", "COUNTRY_OF_BIRTH", "NOTE");
        if (!details.isEmpty()) {
            subject.add("notes", "Alias " + name + ": " + details);
        }
    }

    private static void address(EntityBuilder subject, Node address) {
        String text = join(address, "STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY");
        if (!text.isEmpty()) {
            subject.add("address", text);
        }
        country(subject, "country", address.first("COUNTRY"));
        String note = address.first("NOTE");
        if (note != null) {
            subject.add("notes", "Address " + text + ": " + note);
        }
    }

    /** EXACT and APPROXIMATELY give a DATE or a YEAR; BETWEEN gives FROM_YEAR and TO_YEAR. */
    private static void birthDate(EntityBuilder subject, Node birth, String where) {
        String type = String.valueOf(birth.first("TYPE_OF_DATE"));
        String date = birth.first("DATE") != null ? birth.first("DATE") : birth.first("YEAR");
        if (birth.first("FROM_YEAR") != null && birth.first("TO_YEAR") != null) {
            date = birth.first("FROM_YEAR") + "-" + birth.first("TO_YEAR");
        }
        if (date == null) {
            return;
        }
        ListDates.add(subject, "birthDate", withoutZone(date), where);
        if (type.equals("APPROXIMATELY")) {
            subject.add("notes", "Date of birth approximately " + date);
        }
        String note = birth.first("NOTE");
        if (note != null) {
            subject.add("notes", "Date of birth " + date + ": " + note);
        }
    }

    /** A passport (in any of the list's languages) goes to passportNumber, every other document to idNumber; the rest to notes. */
    private static void document(EntityBuilder subject, Node document, java.util.Set<String> numbers) {
        String number = document.first("NUMBER");
        String type = document.first("TYPE_OF_DOCUMENT");
        if (number != null && numbers.add(number)) {
            boolean passport = type != null && type.toLowerCase(Locale.ROOT).matches(".*(passport|passeport|pasaporte).*");
            subject.add(passport ? "passportNumber" : "idNumber", number);
        }
        String details = document.children().stream().filter(node -> !node.text().isBlank())
                .map(node -> node.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + node.text()).collect(Collectors.joining("; "));
        if (!details.isEmpty()) {
            subject.add("notes", "Document: " + details);
        }
    }

    /** An XML Schema date with a time zone ("2015-04-07-04:00", as some records write it) as a plain date. */
    private static String withoutZone(String date) {
        return date != null && date.matches("\\d{4}-\\d{2}-\\d{2}([+-]\\d{2}:\\d{2}|Z)") ? date.substring(0, 10) : date;
    }

    private static void country(EntityBuilder subject, String property, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        String code = Countries.code(name);
        if (code != null) {
            subject.add(property, code);
        } else {
            subject.add("notes", property + ": " + name);
        }
    }

    private static String join(Node node, String... children) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String child : children) {
            String text = node.first(child);
            if (text != null) {
                parts.put(child, text);
            }
        }
        return String.join(", ", parts.values());
    }

    @Override
    public String dataDate() {
        return dataDate;
    }

    @Override
    public long position() {
        return records;
    }

    @Override
    public long size() {
        return -1;
    }

    @Override
    public void close() {
        try {
            xml.close();
            input.close();
        } catch (XMLStreamException | IOException e) {
            // reading is over; nothing is lost by a failed close
        }
    }
}
