package org.convergence.lists.ofac;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.CountingInputStream;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ListDates;
import org.convergence.lists.XmlFiles;
import org.convergence.lists.ofac.OfacEntry.Address;
import org.convergence.lists.ofac.OfacEntry.Alias;
import org.convergence.lists.ofac.OfacEntry.Fact;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;

/**
 * Reads OFAC's SDN.XML schema: {@code <sdnList>} with {@code publshInformation} (Publish_Date,
 * Record_Count) and one {@code sdnEntry} per entry (uid, firstName, lastName, title, sdnType,
 * remarks, programList, akaList, addressList, idList, nationalityList, citizenshipList,
 * dateOfBirthList, placeOfBirthList, vesselInfo). OFAC publishes both its SDN list (SDN.XML) and its
 * consolidated non-SDN list (CONSOLIDATED.XML) in this schema, in the namespace of its Sanctions
 * List Service; the reader takes any namespace.
 *
 * <p>The uid is the ent_num of the CSV set, so an entry read from either format has the same ids.
 * Elements the schema does not name go into notes as "element: text"; the uids of aliases,
 * addresses and ids, and the mainEntry flags, are the list's internal keys and are not kept. After the
 * last entry come the links its remarks state ("(Linked To: NAME)", see {@link OfacMapper#links()}).
 */
public final class OfacXmlReader implements EntitySource {
    private static final Set<String> ENTRY_FIELDS = Set.of("uid", "firstName", "lastName", "title", "sdnType", "remarks", "programList",
            "akaList", "addressList", "idList", "nationalityList", "citizenshipList", "dateOfBirthList", "placeOfBirthList", "vesselInfo");
    private static final Set<String> INTERNAL = Set.of("uid", "mainEntry");

    /** An element with its text and child elements, as the reader collects one entry. */
    private record Node(String name, int line, String text, List<Node> children) {
        String child(String childName) {
            for (Node child : children) {
                if (child.name().equals(childName)) {
                    return child.text().isEmpty() ? null : child.text();
                }
            }
            return null;
        }
    }

    private final Path file;
    private final OfacMapper mapper;
    private final CountingInputStream input;
    private final XMLStreamReader xml;
    private final long size;
    private final Deque<Entity> pending = new ArrayDeque<>(2);
    private int records;
    private boolean linksResolved;
    private final Map<String, Integer> firstLine = new HashMap<>();
    private Integer recordCount;
    private String publishDate;

    public OfacXmlReader(Path file, String dataset, ConvergenceModel model, String sourceUrl) {
        this.file = file;
        this.mapper = new OfacMapper(dataset, model, sourceUrl);
        InputStream opened = null;
        try {
            this.size = Files.size(file);
            opened = Files.newInputStream(file);
            this.input = new CountingInputStream(opened);
            this.xml = XmlFiles.open(input);
            xml.nextTag();
            if (!"sdnList".equals(xml.getLocalName())) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": root element is <" + xml.getLocalName()
                        + ">, expected <sdnList>: is this OFAC's SDN.XML or CONSOLIDATED.XML (not the advanced XML, not another list)?");
            }
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            closeQuietly(opened);
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            closeQuietly(opened);
            throw malformed(e);
        } catch (ConvergenceException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // The reader failed already; the failure to close adds nothing.
        }
    }

    private ConvergenceException malformed(XMLStreamException e) {
        var location = e.getLocation();
        String line = location == null || location.getLineNumber() < 0 ? "" : ":" + location.getLineNumber();
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, file + line + ": malformed XML ("
                + String.valueOf(e.getMessage()).replaceAll("\\s+", " ") + "); is the file truncated, or not in the encoding it declares?");
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        try {
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                // Every element met here is a child of <sdnList>: readNode consumes an element to its end.
                String name = xml.getLocalName();
                Node node = readNode();
                if (name.equals("publshInformation")) {
                    publishInformation(node);
                } else if (name.equals("sdnEntry")) {
                    records++;
                    String where = file.getFileName() + ":" + node.line() + " record " + records;
                    OfacEntry entry = entry(node, where);
                    pending.addAll(mapper.entities(entry, where + " uid " + entry.uid()));
                    return pending.removeFirst();
                }
            }
            if (recordCount != null && recordCount != records) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": Record_Count says " + recordCount + " entries, the file has "
                        + records + " sdnEntry elements; is the file incomplete?");
            }
            if (linksResolved) {
                return null;
            }
            linksResolved = true;
            pending.addAll(mapper.links());
            return pending.pollFirst();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    /** The current element, its text and its descendants, up to and including its end tag. */
    private Node readNode() throws XMLStreamException {
        String name = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readNode());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Node(name, line, text.toString().strip(), children);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new ConvergenceException(ErrorCategory.INVALID_INPUT,
                        file + ": the document ends inside <" + name + "> (line " + line + "); is the file truncated?");
                default -> { }
            }
        }
    }

    private void publishInformation(Node node) {
        String where = file.getFileName() + ":" + node.line();
        publishDate = ListDates.iso(node.child("Publish_Date"), "MM/dd/yyyy", "Publish_Date", where);
        String count = node.child("Record_Count");
        if (count != null) {
            if (!count.matches("\\d{1,9}")) {
                throw new InvalidRecordException(where, "Record_Count: '" + count + "' is not a number");
            }
            recordCount = Integer.parseInt(count);
        }
    }

    private OfacEntry entry(Node node, String where) {
        String uid = node.child("uid");
        if (uid == null || !uid.matches("\\d{1,18}")) {
            throw new InvalidRecordException(where, "uid: " + (uid == null ? "missing" : "'" + uid + "' is not a number"));
        }
        String at = where + " uid " + uid;
        Integer seen = firstLine.putIfAbsent(uid, node.line());
        if (seen != null) {
            throw new InvalidRecordException(at, "uid: " + uid + " appears again (first at line " + seen + ")");
        }
        String lastName = node.child("lastName");
        if (lastName == null) {
            throw new InvalidRecordException(at, "lastName: missing; every sdnEntry has one (the whole name of a non-individual)");
        }
        String type = node.child("sdnType");
        if (type == null || OfacMapper.schemaOf(type) == null) {
            throw new InvalidRecordException(at, "sdnType: " + (type == null ? "missing" : "'" + type + "'")
                    + ", expected Individual, Entity, Vessel or Aircraft");
        }
        String firstName = node.child("firstName");
        List<String> programs = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        List<Address> addresses = new ArrayList<>();
        List<Fact> facts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (node.child("title") != null) {
            facts.add(new Fact("Title", node.child("title"), null, null));
        }
        for (Node child : node.children()) {
            switch (child.name()) {
                case "programList" -> child.children().forEach(program -> add(programs, program.text()));
                case "akaList" -> child.children().forEach(aka -> aliases.add(alias(aka, at, notes)));
                case "addressList" -> child.children().forEach(address -> address(address, addresses, notes));
                case "idList" -> child.children().forEach(id -> id(id, facts, notes));
                case "nationalityList" -> child.children().forEach(item -> item(item, "country", "nationality", facts, notes));
                case "citizenshipList" -> child.children().forEach(item -> item(item, "country", "citizen", facts, notes));
                case "dateOfBirthList" -> child.children().forEach(item -> item(item, "dateOfBirth", "DOB", facts, notes));
                case "placeOfBirthList" -> child.children().forEach(item -> item(item, "placeOfBirth", "POB", facts, notes));
                case "vesselInfo" -> vessel(child, facts, notes);
                case "remarks" -> add(notes, child.text().isEmpty() ? null : "Remarks: " + child.text());
                default -> {
                    if (!ENTRY_FIELDS.contains(child.name())) {
                        unknown(child, "", notes);
                    }
                }
            }
        }
        String name = firstName == null ? lastName : lastName + ", " + firstName;
        return new OfacEntry(uid, type, name, firstName, lastName, programs, aliases, addresses, facts, notes,
                OfacFacts.linkedTo(node.child("remarks")));
    }

    /** An aka: weak or strong (category), a.k.a., f.k.a. or n.k.a. (type), its name written like the primary name. */
    private Alias alias(Node aka, String where, List<String> notes) {
        String last = aka.child("lastName");
        String first = aka.child("firstName");
        if (last == null && first == null) {
            throw new InvalidRecordException(where, "akaList/aka at line " + aka.line() + ": no lastName or firstName");
        }
        String category = aka.child("category");
        String type = aka.child("type");
        unknownChildren(aka, Set.of("type", "category", "lastName", "firstName"), notes);
        String kind = type == null ? "a.k.a." : type.toLowerCase(Locale.ROOT);
        return new Alias(last == null ? first : first == null ? last : last + ", " + first, kind, "weak".equalsIgnoreCase(category));
    }

    /** An address on one line, as the CSV writes it: street lines, "city, state postal code", country. */
    private static void address(Node address, List<Address> addresses, List<String> notes) {
        String country = address.child("country");
        String place = join(", ", address.child("city"), address.child("stateOrProvince"));
        String cityLine = join(" ", place, address.child("postalCode"));
        String text = join(", ", address.child("address1"), address.child("address2"), address.child("address3"), cityLine, country);
        if (text != null) {
            addresses.add(new Address(text, country));
        }
        unknownChildren(address, Set.of("address1", "address2", "address3", "city", "stateOrProvince", "postalCode", "country"), notes);
    }

    /** An id: its type names the kind of fact (see OfacFacts); country and dates stay in the fact's original text. */
    private static void id(Node id, List<Fact> facts, List<String> notes) {
        String type = id.child("idType");
        String number = id.child("idNumber");
        String country = id.child("idCountry");
        String issued = id.child("issueDate");
        String expires = id.child("expirationDate");
        unknownChildren(id, Set.of("idType", "idNumber", "idCountry", "issueDate", "expirationDate"), notes);
        String original = country == null && issued == null && expires == null ? null
                : join(" ", number, country == null ? null : "(" + country + ")", issued == null ? null : "issued " + issued,
                        expires == null ? null : "expires " + expires);
        if (type == null || number == null) {
            add(notes, join(": ", type == null ? "id" : type, original != null ? original : number));
        } else {
            facts.add(new Fact(type, number, country, original));
        }
    }

    private static void item(Node item, String field, String key, List<Fact> facts, List<String> notes) {
        String value = item.child(field);
        if (value != null) {
            facts.add(new Fact(key, value, null, null));
        }
        unknownChildren(item, Set.of(field), notes);
    }

    private static void vessel(Node vessel, List<Fact> facts, List<String> notes) {
        String[][] fields = {{"callSign", "Vessel Call Sign"}, {"vesselType", "Vessel Type"}, {"vesselFlag", "Vessel Flag"},
            {"vesselOwner", "Vessel Owner"}, {"tonnage", "Vessel Tonnage"}, {"grossRegisteredTonnage", "Vessel Gross Registered Tonnage"}};
        List<String> known = new ArrayList<>();
        for (String[] field : fields) {
            known.add(field[0]);
            String value = vessel.child(field[0]);
            if (value != null) {
                facts.add(new Fact(field[1], value, null, null));
            }
        }
        unknownChildren(vessel, Set.copyOf(known), notes);
    }

    private static void unknownChildren(Node node, Set<String> known, List<String> notes) {
        for (Node child : node.children()) {
            if (!known.contains(child.name()) && !INTERNAL.contains(child.name())) {
                unknown(child, node.name() + "/", notes);
            }
        }
    }

    /** An element the schema does not name, as "path: text" notes, so nothing is dropped. */
    private static void unknown(Node node, String path, List<String> notes) {
        add(notes, node.text().isEmpty() ? null : path + node.name() + ": " + node.text());
        for (Node child : node.children()) {
            unknown(child, path + node.name() + "/", notes);
        }
    }

    private static void add(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            add(present, part);
        }
        return present.isEmpty() ? null : String.join(separator, present);
    }

    /** Publish_Date of publshInformation, the date OFAC states for the list. */
    @Override
    public String dataDate() {
        return publishDate;
    }

    @Override
    public long position() {
        return input.count();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        XmlFiles.close(xml, input);
    }
}
