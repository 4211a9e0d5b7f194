package org.convergence.lists.ofac;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ofac.OfacEntry.Address;
import org.convergence.lists.ofac.OfacEntry.Alias;
import org.convergence.lists.ofac.OfacEntry.Fact;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;

/**
 * Reads OFAC's legacy CSV set, a folder of four files without header rows: the entries (sdn.csv, 12
 * columns), their addresses (add.csv, 6), their alternate names (alt.csv, 5) and the continuation of
 * remarks longer than the 1,000 characters of the Remarks column (sdn_comments.csv, 2: ent_num and
 * the rest of the text, which continues the remarks mid-word). The consolidated non-SDN list has the
 * same layout with cons_ names. "-0-" is an empty value; each file may end with a DOS end-of-file
 * byte (0x1A).
 *
 * <p>The files are Latin-1, as OFAC's specification says; a file that is valid UTF-8 with non-ASCII
 * characters (a re-saved copy) is read as UTF-8, since Latin-1 text with accented letters is
 * practically never valid UTF-8. Remarks are parsed into typed facts by {@link OfacFacts} and kept
 * whole in notes; after the last entry come the links the remarks state ("Linked To: NAME", see
 * {@link OfacMapper#links()}). The set states no date for its data, so {@link #dataDate()} is null.
 */
public final class OfacCsvReader implements EntitySource {

    /** The names of the four files of a set. */
    public record FileSet(String entries, String addresses, String aliases, String comments) {
        public static final FileSet SDN = new FileSet("sdn.csv", "add.csv", "alt.csv", "sdn_comments.csv");
        public static final FileSet CONSOLIDATED = new FileSet("cons_prim.csv", "cons_add.csv", "cons_alt.csv", "cons_comments.csv");

        List<String> all() {
            return List.of(entries, addresses, aliases, comments);
        }
    }

    private static final int ENTRY_COLUMNS = 12;
    private static final int ADDRESS_COLUMNS = 6;
    private static final int ALIAS_COLUMNS = 5;
    private static final int COMMENT_COLUMNS = 2;
    private static final Set<String> ALIAS_TYPES = Set.of("aka", "fka", "nka");

    /** One record of a file: where it starts and its fields. */
    private record Row(String file, int line, int offset, List<String> fields) {
        String where() {
            return file + ":" + line;
        }
    }

    private final String folderName;
    private final FileSet files;
    private final OfacMapper mapper;
    private final List<Row> entries;
    private final int size;
    private final Map<String, List<Row>> addresses = new HashMap<>();
    private final Map<String, List<Row>> aliases = new HashMap<>();
    private final Map<String, StringBuilder> comments = new HashMap<>();
    private final Map<String, Integer> firstLine = new HashMap<>();
    /** Invalid rows of the address, alias and comment files, thrown by next() before the entries are read. */
    private final Deque<InvalidRecordException> problems = new ArrayDeque<>();
    private final Deque<Entity> pending = new ArrayDeque<>(2);
    private int next;
    private boolean linksResolved;

    public OfacCsvReader(Path folder, FileSet files, String dataset, ConvergenceModel model, String sourceUrl) {
        this.folderName = folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
        this.files = files;
        this.mapper = new OfacMapper(dataset, model, sourceUrl);
        String entriesText = text(folder, files.entries());
        this.size = entriesText.length();
        this.entries = rows(entriesText, files.entries());
        requireOfacLayout(entries.isEmpty() ? null : entries.getFirst());
        List<String> ids = new ArrayList<>();
        for (Row row : entries) {
            ids.add(clean(row.fields().getFirst()));
        }
        index(rows(text(folder, files.addresses()), files.addresses()), ADDRESS_COLUMNS, ids, addresses);
        index(rows(text(folder, files.aliases()), files.aliases()), ALIAS_COLUMNS, ids, aliases);
        Map<String, List<Row>> commentRows = new HashMap<>();
        index(rows(text(folder, files.comments()), files.comments()), COMMENT_COLUMNS, ids, commentRows);
        // The continuation is raw text: it may start mid-word or with the space the Remarks column cut off.
        commentRows.forEach((id, rows) -> rows.forEach(row ->
                comments.computeIfAbsent(id, key -> new StringBuilder()).append(row.fields().get(1))));
    }

    /** A file's text: Latin-1 (or UTF-8, see the class comment), without the trailing end-of-file byte. */
    private String text(Path folder, String name) {
        Path file = find(folder, name);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folderName + "/" + name + ": cannot read: " + e.getMessage(), e);
        }
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == 0x1A || bytes[end - 1] == '\r' || bytes[end - 1] == '\n')) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (bytes[i] == 0) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folderName + "/" + name
                        + ": contains NUL bytes at byte " + i + "; expected Latin-1 text (is it UTF-16, or not a CSV file?)");
            }
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end)).toString();
            return utf8.startsWith("\uFEFF") ? utf8.substring(1) : utf8;
        } catch (CharacterCodingException e) {
            return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    /** The file of the set in the folder, its name in any case (OFAC serves SDN.CSV, copies are often sdn.csv). */
    private Path find(Path folder, String name) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> found = listing.filter(path -> path.getFileName().toString().equalsIgnoreCase(name)).toList();
            if (!found.isEmpty()) {
                return found.getFirst();
            }
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folder + ": cannot list the folder: " + e.getMessage(), e);
        }
        FileSet other = files.equals(FileSet.SDN) ? FileSet.CONSOLIDATED : FileSet.SDN;
        String otherList = other == FileSet.SDN ? "the SDN list" : "the consolidated non-SDN list";
        String hint = Files.exists(folder.resolve(other.entries()))
                ? " (the folder has " + other.entries() + ": is it the other OFAC list, " + otherList + "?)"
                : "";
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folderName + "/" + name + ": missing; the OFAC CSV set is "
                + String.join(", ", files.all()) + hint);
    }

    /**
     * The records of a CSV text: fields separated by commas, in double quotes when they hold commas,
     * records separated by CR LF (or LF) outside quotes.
     */
    private List<Row> rows(String text, String file) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 0;
        int startLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    line += c == '\n' ? 1 : 0;
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                endRow(rows, file, startLine, start, fields, field);
                start = i + 1;
                startLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folderName + "/" + file + ":" + startLine
                    + ": a quoted field is not closed before the end of the file; is the file truncated?");
        }
        endRow(rows, file, startLine, start, fields, field);
        return rows;
    }

    private static void endRow(List<Row> rows, String file, int line, int offset, List<String> fields, StringBuilder field) {
        fields.add(field.toString());
        field.setLength(0);
        if (fields.size() > 1 || !fields.getFirst().isBlank()) {
            rows.add(new Row(file, line, offset, List.copyOf(fields)));
        }
        fields.clear();
    }

    /** A first row that is a header or another list's record means the file is not OFAC's. */
    private void requireOfacLayout(Row first) {
        if (first != null && !isNumber(clean(first.fields().getFirst()))) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folderName + "/" + first.where() + ": starts with '"
                    + abbreviate(first.fields().getFirst()) + "', expected an ent_num: OFAC's " + files.entries()
                    + " has no header row and " + ENTRY_COLUMNS + " columns (ent_num, SDN_Name, SDN_Type, Program, ...); is it another list's file?");
        }
    }

    /** Rows of an address, alias or comment file by ent_num; rows that are invalid or name no entry become problems. */
    private void index(List<Row> rows, int columns, List<String> ids, Map<String, List<Row>> byId) {
        Set<String> known = new HashSet<>(ids);
        for (Row row : rows) {
            try {
                String id = entNum(row, columns);
                if (!known.contains(id)) {
                    throw new InvalidRecordException(row.where() + " ent_num " + id, "no entry with this ent_num in " + files.entries());
                }
                byId.computeIfAbsent(id, key -> new ArrayList<>()).add(row);
            } catch (InvalidRecordException e) {
                problems.add(e);
            }
        }
    }

    /** The ent_num of a row that has the expected number of columns. */
    private static String entNum(Row row, int columns) {
        if (row.fields().size() != columns) {
            throw new InvalidRecordException(row.where(), "has " + row.fields().size() + " columns, expected " + columns
                    + " (is a quote or comma missing, or the record cut?)");
        }
        String id = clean(row.fields().getFirst());
        if (!isNumber(id)) {
            throw new InvalidRecordException(row.where(), "ent_num: '" + abbreviate(row.fields().getFirst()) + "' is not a number");
        }
        return id;
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        if (!problems.isEmpty()) {
            throw problems.removeFirst();
        }
        if (next >= entries.size()) {
            if (linksResolved) {
                return null;
            }
            linksResolved = true;
            pending.addAll(mapper.links());
            return pending.pollFirst();
        }
        Row row = entries.get(next++);
        pending.addAll(mapper.entities(entry(row), row.where() + " ent_num " + clean(row.fields().getFirst())));
        return pending.removeFirst();
    }

    private OfacEntry entry(Row row) {
        String id = entNum(row, ENTRY_COLUMNS);
        String where = row.where() + " ent_num " + id;
        Integer seen = firstLine.putIfAbsent(id, row.line());
        if (seen != null) {
            throw new InvalidRecordException(where, "ent_num: " + id + " appears again (first at line " + seen + ")");
        }
        List<String> f = row.fields();
        String name = clean(f.get(1));
        if (name == null) {
            throw new InvalidRecordException(where, "SDN_Name: empty");
        }
        String type = clean(f.get(2));
        if (OfacMapper.schemaOf(type) == null) {
            throw new InvalidRecordException(where, "SDN_Type: '" + abbreviate(type) + "', expected individual, vessel, aircraft or -0- (an entity)");
        }
        String remarks = clean(f.get(11) + (comments.containsKey(id) ? comments.get(id) : ""));

        List<Fact> facts = new ArrayList<>();
        // Columns 5 to 11, named as the remarks and the XML name the same facts.
        String[] columns = {"Title", "Vessel Call Sign", "Vessel Type", "Vessel Tonnage", "Vessel Gross Registered Tonnage",
            "Vessel Flag", "Vessel Owner"};
        for (int i = 0; i < columns.length; i++) {
            String value = clean(f.get(4 + i));
            if (value != null) {
                facts.add(new Fact(columns[i], value, null, null));
            }
        }
        OfacFacts.Remarks parsed = OfacFacts.parseRemarks(remarks);
        facts.addAll(parsed.facts());

        List<String> notes = new ArrayList<>();
        List<Alias> names = new ArrayList<>();
        for (Row alias : aliases.getOrDefault(id, List.of())) {
            String aliasName = clean(alias.fields().get(3));
            String aliasType = clean(alias.fields().get(2));
            if (aliasName == null) {
                throw new InvalidRecordException(alias.where() + " ent_num " + id, "alt_name: empty");
            }
            String kind = aliasType == null ? "aka" : aliasType.toLowerCase(Locale.ROOT).replace(".", "");
            if (!ALIAS_TYPES.contains(kind)) {
                throw new InvalidRecordException(alias.where() + " ent_num " + id,
                        "alt_type: '" + abbreviate(aliasType) + "', expected aka, fka or nka");
            }
            names.add(new Alias(aliasName, kind.charAt(0) + ".k.a.", false));
            String aliasRemarks = clean(alias.fields().get(4));
            if (aliasRemarks != null) {
                notes.add("Alias remarks: " + aliasName + ": " + aliasRemarks);
            }
        }
        names.addAll(parsed.weakAliases());

        List<Address> places = new ArrayList<>();
        for (Row address : addresses.getOrDefault(id, List.of())) {
            List<String> a = address.fields();
            String country = clean(a.get(4));
            String text = join(clean(a.get(2)), clean(a.get(3)), country);
            if (text != null) {
                places.add(new Address(text, country));
            }
            String addressRemarks = clean(a.get(5));
            if (addressRemarks != null) {
                notes.add("Address remarks: " + addressRemarks);
            }
        }
        if (remarks != null) {
            notes.add("Remarks: " + remarks);
        }

        String firstName = null;
        String lastName = name;
        int comma = name.indexOf(", ");
        if ("Person".equals(OfacMapper.schemaOf(type)) && comma > 0) {
            lastName = name.substring(0, comma).strip();
            firstName = name.substring(comma + 2).strip();
        }
        List<String> programs = new ArrayList<>();
        String program = clean(f.get(3));
        if (program != null) {
            for (String tag : program.split("\\]\\s*\\[")) {
                if (!tag.isBlank()) {
                    programs.add(tag.replace("[", "").replace("]", "").strip());
                }
            }
        }
        return new OfacEntry(id, type, name, firstName, lastName, programs, names, places, facts, notes, OfacFacts.linkedTo(remarks));
    }

    private static String join(String... parts) {
        List<String> present = Stream.of(parts).filter(part -> part != null).toList();
        return present.isEmpty() ? null : String.join(", ", present);
    }

    /** A field's value, or null for OFAC's empty marker "-0-" and blanks. */
    private static String clean(String field) {
        if (field == null) {
            return null;
        }
        String value = field.strip();
        return value.isEmpty() || value.equals("-0-") ? null : value;
    }

    private static boolean isNumber(String value) {
        return value != null && value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String abbreviate(String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /** The set states no date for its data. */
    @Override
    public String dataDate() {
        return null;
    }

    /** Characters of the entries file read so far (its bytes, for Latin-1). */
    @Override
    public long position() {
        return next < entries.size() ? entries.get(next).offset() : size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        // Everything was read into memory by the constructor.
    }
}
