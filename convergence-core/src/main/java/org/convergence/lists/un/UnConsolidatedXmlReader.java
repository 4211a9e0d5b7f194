package org.convergence.lists.un;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.CountingInputStream;
import org.convergence.ingest.EntitySource;
import org.convergence.model.Countries;
import org.convergence.lists.ListDates;
import org.convergence.lists.StatedLinks;
import org.convergence.lists.XmlFiles;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads the UN Security Council Consolidated List in its XML form ({@code <CONSOLIDATED_LIST>} with
 * {@code <INDIVIDUAL>} and {@code <ENTITY>} records, published at
 * {@code https://scsanctions.un.org/resources/xml/en/consolidated.xml}). Each INDIVIDUAL becomes a
 * Person, each ENTITY a LegalEntity (the list does not say whether an entity is a company, a bank or
 * an armed group), and each record a Sanction.
 *
 * <p>Ids come from DATAID, the UN database's key of a record, which OpenSanctions keys the list on too.
 * The REFERENCE_NUMBER (QDi.317, KPe.022) would do as well today (both are unique and paired alike in
 * the snapshots of 2025-10 and 2026-02), but it encodes the sanctions committee, so a record moved
 * between regimes would get a new one; DATAID does not. The REFERENCE_NUMBER is the Sanction's
 * authorityId and unscId.
 *
 * <p>Mapping: the name parts (FIRST_NAME to FOURTH_NAME, in order) make the name; NAME_ORIGINAL_SCRIPT
 * is an alias; alias QUALITY "Good" and "a.k.a." give {@code alias}, "Low" {@code weakAlias}, "f.k.a."
 * {@code previousName}. COMMENTS1 ("other information": what the party is, identifiers, whereabouts)
 * goes to the party's notes rather than to the Sanction's reason, since the list states no reason for
 * a listing. LAST_DAY_UPDATED gives the Sanction's modifiedAt. Passport numbers go to
 * passportNumber, other document numbers to idNumber; what else a document, alias, address, date or
 * place of birth states goes into notes, as does any field this reader does not know. VERSIONNUM (a
 * record revision counter that the list does not keep up) and LIST_TYPE "UN List" (the same for every
 * record) are not kept, nor "na" ("not available") as a name part or nationality.
 *
 * <p>The list names other listed parties by their reference number ("Member of Al-Qaida in the Arabian
 * Peninsula (AQAP) (QDe.129)", "designated under IRe.066"), mostly in COMMENTS1. After the last record
 * come those links, as UnknownLinks (role {@value #LINK_ROLE}) whose description is the sentence that
 * names the other party, for every reference number that is another record's (see {@link StatedLinks}).
 */
public final class UnConsolidatedXmlReader implements EntitySource {
    public static final String AUTHORITY = "United Nations Security Council";
    public static final String SOURCE_URL = "https://www.un.org/securitycouncil/content/un-sc-consolidated-list";
    /** The role of a link from a record to a party its text names: the list says that it names it, not how they are tied. */
    private static final String LINK_ROLE = "UN listing refers to";

    /** A regime's committee and its program id as OpenSanctions writes it, by the list's UN_LIST_TYPE. */
    private record Program(String title, String id) {}

    private static final Map<String, Program> PROGRAMS = Map.ofEntries(
            Map.entry("Al-Qaida", new Program("ISIL (Da'esh) and Al-Qaida sanctions (1267/1989/2253 Committee)", "UN-SCISIL")),
            Map.entry("CAR", new Program("Central African Republic sanctions (2127 Committee)", "UN-SC2127")),
            Map.entry("DPRK", new Program("DPRK sanctions (1718 Committee)", "UN-SC1718")),
            Map.entry("DRC", new Program("Democratic Republic of the Congo sanctions (1533 Committee)", "UN-SC1533")),
            Map.entry("GB", new Program("Guinea-Bissau sanctions (2048 Committee)", "UN-SC2048")),
            Map.entry("Haiti", new Program("Haiti sanctions (2653 Committee)", "UN-SC2653")),
            Map.entry("Iran", new Program("Iran sanctions (1737 Committee)", "UN-SC1737")),
            Map.entry("Iraq", new Program("Iraq sanctions (1518 Committee)", "UN-SC1518")),
            Map.entry("Libya", new Program("Libya sanctions (1970 Committee)", "UN-SC1970")),
            Map.entry("Somalia", new Program("Al-Shabaab sanctions (2713 Committee)", "UN-SC2713")),
            Map.entry("SouthSudan", new Program("South Sudan sanctions (2206 Committee)", "UN-SC2206")),
            Map.entry("Sudan", new Program("Sudan sanctions (1591 Committee)", "UN-SC1591")),
            Map.entry("Taliban", new Program("Taliban sanctions (1988 Committee)", "UN-SC1988")),
            Map.entry("Yemen", new Program("Yemen sanctions (2140 Committee)", "UN-SC2140")));

    private static final Set<String> RECORDS = Set.of("INDIVIDUAL", "ENTITY");
    private static final List<String> NAME_PARTS = List.of("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME");
    /** Fields that only a Person has properties for; in an ENTITY they go to notes. */
    private static final Set<String> PERSON_FIELDS = Set.of("GENDER", "TITLE", "DESIGNATION", "NATIONALITY",
            "INDIVIDUAL_DATE_OF_BIRTH", "INDIVIDUAL_PLACE_OF_BIRTH", "INDIVIDUAL_DOCUMENT");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** An xs:date, which may carry a time zone ("2015-04-07-04:00" in LISTED_ON). */
    private static final Pattern XS_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    /** A reference number: the regime's two letters, i (individual) or e (entity), three digits; "Qde.014" happens too. */
    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Za-z]{2}[ie])\\.\\s?(\\d{3})\\b");
    /** The end of a sentence: a full stop before a capital letter (not "Sep. 2007"). */
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=\\p{Lu})");
    /** Records nest two levels (INDIVIDUAL_ALIAS/ALIAS_NAME); an element much deeper means a broken file or another list. */
    private static final int MAX_DEPTH = 4;
    /** The widest BETWEEN range of birth years taken as a list of years. */
    private static final int MAX_YEAR_RANGE = 30;

    /** An element of a record: its text (whitespace collapsed, null when blank) and its child elements. */
    private record Node(String name, String text, List<Node> children, int line) {
        /** The children as name to text, a repeated name's texts joined by "; ", for groups of simple fields. */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Node child : children) {
                String value = child.describe();
                if (value != null) {
                    fields.merge(child.name, value, (a, b) -> a + "; " + b);
                }
            }
            return fields;
        }

        /** The texts of the children, as in {@code <NATIONALITY><VALUE>..</VALUE></NATIONALITY>}. */
        List<String> values() {
            return children.stream().map(Node::describe).filter(Objects::nonNull).toList();
        }

        /** The element's own text and its descendants', each as written (whitespace collapsed), blank ones left out. */
        List<String> texts() {
            List<String> texts = new ArrayList<>();
            if (text != null) {
                texts.add(text);
            }
            children.forEach(child -> texts.addAll(child.texts()));
            return texts;
        }

        /** The text, or for a group its fields as "label: value; ...", or null when empty. */
        String describe() {
            if (children.isEmpty()) {
                return text;
            }
            String described = describeFields(fields());
            return text == null ? described : described == null ? text : text + "; " + described;
        }
    }

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final CountingInputStream input;
    private final XMLStreamReader xml;
    private final long size;
    private final String dateGenerated;
    private final List<Entity> pending = new ArrayList<>(2);
    private final Map<String, String> seen = new HashMap<>();
    private final StatedLinks links;
    private boolean linksResolved;
    private ConvergenceException failure;
    private int record;
    private String latestListing;

    public UnConsolidatedXmlReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        this.links = new StatedLinks(dataset, model, LINK_ROLE, AUTHORITY, SOURCE_URL);
        try {
            this.size = Files.size(file);
            this.input = new CountingInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            this.xml = XmlFiles.open(input);
            xml.nextTag();
            if (!"CONSOLIDATED_LIST".equals(xml.getLocalName())) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": root element is <" + xml.getLocalName()
                        + ">, expected <CONSOLIDATED_LIST>: is this the UN Security Council consolidated list XML?");
            }
            this.dateGenerated = generationDate(xml.getAttributeValue(null, "dateGenerated"));
        } catch (XMLStreamException | RuntimeException e) {
            closeQuietly();
            if (e instanceof ConvergenceException known) {
                throw known;
            }
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": not XML (" + message(e)
                    + "); expected the UN Security Council consolidated list, root element <CONSOLIDATED_LIST>", e);
        }
    }

    /** The date of dateGenerated="2026-02-27T00:00:09.554Z", as written (UTC); null when absent. */
    private String generationDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher date = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:T.*)?").matcher(value.strip());
        try {
            if (date.matches()) {
                return LocalDate.parse(date.group(1)).toString();
            }
        } catch (DateTimeException e) {
            // falls through to the error below
        }
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": <CONSOLIDATED_LIST dateGenerated='" + value
                + "'> is not an ISO date-time such as 2026-02-27T00:00:09.554Z");
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        if (failure != null) {
            throw failure;
        }
        Node node;
        try {
            node = nextRecord();
        } catch (XMLStreamException | RuntimeException e) {
            failure = e instanceof ConvergenceException known ? known : malformed(e);
            throw failure;
        }
        if (node == null) {
            if (linksResolved) {
                return null;
            }
            linksResolved = true;
            pending.addAll(links.resolve());
            return pending.isEmpty() ? null : pending.removeFirst();
        }
        record++;
        pending.addAll(entities(node, file.getFileName() + ":" + node.line() + " record " + record));
        return pending.removeFirst();
    }

    private ConvergenceException malformed(Exception e) {
        var location = xml.getLocation();
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, file + (location == null ? "" : ":" + location.getLineNumber())
                + ": malformed XML (" + message(e) + "); is the file truncated?", e);
    }

    private static String message(Exception e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    }

    /** The next INDIVIDUAL or ENTITY read whole, so that an invalid record leaves the stream at the next one. */
    private Node nextRecord() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && RECORDS.contains(xml.getLocalName())) {
                return readNode(0);
            }
        }
        return null;
    }

    private Node readNode(int depth) throws XMLStreamException {
        String name = xml.getLocalName();
        int line = xml.getLocation().getLineNumber();
        if (depth > MAX_DEPTH) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ":" + line + ": <" + name
                    + "> is nested deeper than the UN list's records go; is this the UN Security Council consolidated list?");
        }
        StringBuilder text = new StringBuilder();
        List<Node> children = new ArrayList<>();
        while (true) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> children.add(readNode(depth + 1));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text.append(xml.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    return new Node(name, collapse(text.toString()), List.copyOf(children), line);
                }
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("the file ends inside <" + name + ">", xml.getLocation());
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private List<Entity> entities(Node node, String where) {
        Map<String, String> top = node.fields();
        String dataId = top.get("DATAID");
        if (dataId == null || !DIGITS.matcher(dataId).matches()) {
            throw new InvalidRecordException(where, "DATAID: expected the record's number, found " + (dataId == null ? "none" : "'" + dataId + "'"));
        }
        where += " (DATAID " + dataId + ")";
        String first = seen.putIfAbsent(dataId, where);
        if (first != null) {
            throw new InvalidRecordException(where, "DATAID " + dataId + " appears twice; first at " + first);
        }
        boolean person = node.name().equals("INDIVIDUAL");
        String name = NAME_PARTS.stream().map(part -> available(top.get(part))).filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (name.isEmpty()) {
            throw new InvalidRecordException(where, "FIRST_NAME: expected the name of the " + (person ? "individual" : "entity") + ", found none");
        }
        String id = dataset + "-" + dataId;
        EntityBuilder subject = Entity.builder(model.requireSchema(person ? "Person" : "LegalEntity"), id, dataset).source(where)
                .add("name", name);
        if (person) {
            subject.add("firstName", available(top.get("FIRST_NAME"))).add("secondName", available(top.get("SECOND_NAME")));
        }
        EntityBuilder sanction = Entity.builder(model.requireSchema("Sanction"), dataset + "-sanction-" + dataId, dataset).source(where)
                .add("entity", id).add("authority", AUTHORITY);

        for (Node field : node.children()) {
            String text = field.describe();
            String at = where + " field " + field.name();
            if (field.name().equals("REFERENCE_NUMBER")) {
                links.name(dataId, text);
            } else {
                field.texts().forEach(written -> stateReferences(dataId, written, at));
            }
            if (!person && PERSON_FIELDS.contains(field.name())) {
                note(subject, field);
                continue;
            }
            switch (field.name()) {
                case "DATAID", "VERSIONNUM", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME" -> {
                    // the id and the name, above; VERSIONNUM is not kept (see the class comment)
                }
                case "NAME_ORIGINAL_SCRIPT" -> subject.add("alias", text);
                case "UN_LIST_TYPE" -> program(sanction, text);
                case "REFERENCE_NUMBER" -> sanction.add("authorityId", text).add("unscId", text);
                case "LISTED_ON" -> {
                    sanctionDate(sanction, subject, "listingDate", text, at);
                    String date = xsDate(text);
                    if (ListDates.plausible(date) && (latestListing == null || date.compareTo(latestListing) > 0)) {
                        latestListing = date;
                    }
                }
                case "COMMENTS1" -> subject.add("notes", text);
                case "GENDER" -> {
                    if (text != null && Set.of("male", "female").contains(text.toLowerCase(Locale.ROOT))) {
                        subject.add("gender", text.toLowerCase(Locale.ROOT));
                    } else {
                        note(subject, field);
                    }
                }
                case "TITLE" -> subject.addAll("title", field.values());
                case "DESIGNATION" -> subject.addAll("position", field.values());
                case "NATIONALITY" -> field.values().stream().map(UnConsolidatedXmlReader::available).filter(Objects::nonNull)
                        .forEach(value -> country(subject, "nationality", value, "Nationality"));
                case "LIST_TYPE" -> field.values().stream().filter(value -> !value.equals("UN List"))
                        .forEach(value -> subject.add("notes", "List type: " + value));
                case "LAST_DAY_UPDATED" -> field.values().forEach(value -> sanctionDate(sanction, subject, "modifiedAt", value, at));
                case "INDIVIDUAL_ALIAS", "ENTITY_ALIAS" -> alias(subject, field.fields());
                case "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS" -> address(subject, field.fields());
                case "INDIVIDUAL_DATE_OF_BIRTH" -> birthDate(subject, field.fields(), at);
                case "INDIVIDUAL_PLACE_OF_BIRTH" -> birthPlace(subject, field.fields());
                case "INDIVIDUAL_DOCUMENT" -> document(subject, field.fields());
                default -> note(subject, field);
            }
        }
        subject.add("topics", "sanction").add("sourceUrl", SOURCE_URL);
        sanction.add("sourceUrl", SOURCE_URL);
        return List.of(subject.build(), sanction.build());
    }

    /** Each reference number in a text of the record, with the sentence it stands in, as a link to state. */
    private void stateReferences(String dataId, String text, String where) {
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            String number = reference.group(1) + "." + reference.group(2);
            links.state(dataId, List.of(number), sentence(text, reference.start(), reference.end()), where);
        }
    }

    /** The sentence of the text that holds the range from..to. */
    private static String sentence(String text, int from, int to) {
        int start = 0;
        int end = text.length();
        Matcher boundary = SENTENCE_END.matcher(text);
        while (boundary.find()) {
            if (boundary.end() <= from) {
                start = boundary.end();
            } else if (boundary.start() >= to) {
                end = boundary.start() + 1;
                break;
            }
        }
        return text.substring(start, end).strip();
    }

    private static void program(EntityBuilder sanction, String listType) {
        Program program = listType == null ? null : PROGRAMS.get(listType);
        if (program == null) {
            sanction.add("program", listType);
        } else {
            sanction.add("program", program.title()).add("programId", program.id());
        }
    }

    /**
     * A date of the Sanction; text that is not a plausible date goes to the party's notes, since a
     * Sanction has no notes.
     *
     * @throws InvalidRecordException when the date is not a calendar date
     */
    private static void sanctionDate(EntityBuilder sanction, EntityBuilder subject, String property, String value, String where) {
        String date = xsDate(value);
        if (ListDates.plausible(date)) {
            ListDates.add(sanction, property, date, where);
        } else if (date != null) {
            subject.add("notes", "Sanction " + property + ": " + value + " (not a plausible date; kept as written)");
        }
    }

    private static void alias(EntityBuilder subject, Map<String, String> fields) {
        String quality = fields.remove("QUALITY");
        String names = fields.remove("ALIAS_NAME");
        if (names == null) {
            if (!fields.isEmpty()) {
                subject.add("notes", "Alias: " + describeFields(fields));
            }
            return;
        }
        String property = switch (quality == null ? "" : quality) {
            case "Low" -> "weakAlias";
            case "f.k.a." -> "previousName";
            case "Good", "a.k.a." -> "alias";
            default -> {
                subject.add("notes", "Alias quality: " + quality + " (" + names + ")");
                yield "alias";
            }
        };
        // "Azim Adhajani; Azim Agha-Jani": one alias element may give several spellings
        Stream.of(names.split(";")).map(String::strip).forEach(alias -> subject.add(property, alias));
        if (!fields.isEmpty()) {
            subject.add("notes", "Alias " + names + ": " + describeFields(fields));
        }
    }

    /** An address as one line; a country alone gives the country only. Its note goes to notes. */
    private void address(EntityBuilder subject, Map<String, String> fields) {
        String country = fields.remove("COUNTRY");
        String note = fields.remove("NOTE");
        String line = join(fields.remove("STREET"), fields.remove("CITY"), fields.remove("STATE_PROVINCE"), fields.remove("ZIP_CODE"));
        String code = Countries.code(country);
        subject.add("country", code);
        String full = join(line, country);
        if (line != null) {
            subject.add("address", full);
        } else if (code == null && country != null) {
            subject.add("notes", "Address: " + country);
        }
        if (note != null) {
            subject.add("notes", "Address" + (full == null ? "" : " " + full) + ": " + note);
        }
        if (!fields.isEmpty()) {
            subject.add("notes", "Address" + (full == null ? "" : " " + full) + ": " + describeFields(fields));
        }
    }

    private void birthPlace(EntityBuilder subject, Map<String, String> fields) {
        String country = fields.remove("COUNTRY");
        String note = fields.remove("NOTE");
        String place = join(fields.remove("STREET"), fields.remove("CITY"), fields.remove("STATE_PROVINCE"), fields.remove("ZIP_CODE"), country);
        subject.add("birthPlace", place).add("birthCountry", Countries.code(country));
        fields.put("NOTE", note);
        String rest = describeFields(fields);
        if (rest != null) {
            subject.add("notes", "Place of birth" + (place == null ? "" : " " + place) + ": " + rest);
        }
    }

    /**
     * TYPE_OF_DATE EXACT with a DATE or YEAR, APPROXIMATELY with a YEAR, or BETWEEN with FROM_YEAR and
     * TO_YEAR (every year of the range is a birth date); a NOTE ("Nov. 1973", "from false passport") goes
     * to notes with the date it qualifies.
     */
    private static void birthDate(EntityBuilder subject, Map<String, String> fields, String where) {
        String type = fields.remove("TYPE_OF_DATE");
        String date = fields.remove("DATE");
        String year = fields.remove("YEAR");
        String from = fields.remove("FROM_YEAR");
        String to = fields.remove("TO_YEAR");
        String note = fields.remove("NOTE");
        String qualifier = "APPROXIMATELY".equals(type) ? "approximately " : "";
        for (String value : Stream.of(date, year).filter(Objects::nonNull).toList()) {
            ListDates.add(subject, "birthDate", qualifier + xsDate(value), where);
        }
        String range = null;
        if (from != null || to != null) {
            range = yearRange(subject, from, to, where);
        }
        if (type != null && !Set.of("EXACT", "APPROXIMATELY", "BETWEEN").contains(type)) {
            fields.put("TYPE_OF_DATE", type);
        }
        fields.put("NOTE", note);
        String rest = describeFields(fields);
        if (rest != null) {
            String dated = join(date, year, range);
            subject.add("notes", "Date of birth" + (dated == null ? "" : " " + dated) + ": " + rest);
        }
    }

    private static String yearRange(EntityBuilder subject, String from, String to, String where) {
        String range = "between " + from + " and " + to;
        if (from == null || to == null || !YEAR.matcher(from).matches() || !YEAR.matcher(to).matches()) {
            throw new InvalidRecordException(where, "FROM_YEAR and TO_YEAR: expected two years, found " + range);
        }
        int start = Integer.parseInt(from);
        int end = Integer.parseInt(to);
        if (start > end || end - start > MAX_YEAR_RANGE) {
            throw new InvalidRecordException(where, "FROM_YEAR and TO_YEAR: expected a range of at most " + MAX_YEAR_RANGE
                    + " years, found " + range);
        }
        if (!ListDates.plausible(from) || !ListDates.plausible(to)) {
            subject.add("notes", "birthDate: " + range + " (not a plausible date; kept as written)");
            return range;
        }
        for (int year = start; year <= end; year++) {
            subject.add("birthDate", Integer.toString(year), null, range);
        }
        return range;
    }

    /** The number in passportNumber or idNumber; what else the document states in notes. */
    private static void document(EntityBuilder subject, Map<String, String> fields) {
        String type = fields.remove("TYPE_OF_DOCUMENT");
        String number = fields.remove("NUMBER");
        if (number != null) {
            subject.add(isPassport(type) ? "passportNumber" : "idNumber", number);
        }
        String document = type == null ? number : number == null ? type : type + " " + number;
        if (document != null && (number == null || !fields.isEmpty())) {
            String rest = describeFields(fields);
            subject.add("notes", "Document " + document + (rest == null ? "" : ": " + rest));
        }
    }

    /** "Passport", and the French and Spanish names the list sometimes gives. */
    private static boolean isPassport(String type) {
        String lower = type == null ? "" : type.toLowerCase(Locale.ROOT);
        return lower.contains("passport") || lower.contains("passeport") || lower.contains("pasaporte");
    }

    private void country(EntityBuilder subject, String property, String name, String label) {
        String code = Countries.code(name);
        if (code != null) {
            subject.add(property, code);
        } else {
            subject.add("notes", label + ": " + name);
        }
    }

    private static void note(EntityBuilder subject, Node field) {
        String value = field.describe();
        if (value != null) {
            subject.add("notes", label(field.name()) + ": " + value);
        }
    }

    /** "type of document2: Passport; issuing country: Germany; expired 2012" (a NOTE without label), or null when empty. */
    private static String describeFields(Map<String, String> fields) {
        String described = fields.entrySet().stream().filter(entry -> entry.getValue() != null)
                .map(entry -> entry.getKey().equals("NOTE") ? entry.getValue() : label(entry.getKey()) + ": " + entry.getValue())
                .collect(Collectors.joining("; "));
        return described.isEmpty() ? null : described;
    }

    /** COUNTRY_OF_ISSUE to "country of issue". */
    private static String label(String element) {
        return element.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String xsDate(String value) {
        Matcher date = value == null ? null : XS_DATE.matcher(value);
        return date != null && date.matches() ? date.group(1) : value;
    }

    /** Null for "na", the list's "not available". */
    private static String available(String value) {
        return value == null || value.equals("na") ? null : value;
    }

    private static String join(String... parts) {
        String joined = Stream.of(parts).filter(Objects::nonNull).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    private static String collapse(String text) {
        String collapsed = text.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** The generation date of the list (dateGenerated), or failing that its newest listing date. */
    @Override
    public String dataDate() {
        return dateGenerated != null ? dateGenerated : latestListing;
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

    private void closeQuietly() {
        try {
            input.close();
        } catch (IOException e) {
            // as above
        }
    }
}
