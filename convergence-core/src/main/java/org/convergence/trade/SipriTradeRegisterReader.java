package org.convergence.trade;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntitySource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads the SIPRI Arms Transfers Database trade register (CSV as SIPRI exports it: ISO-8859-1, a
 * preamble before the header, a blank-named column after each uncertain figure holding '?') into
 * Transfer entities, and one PublicBody per state that supplies or receives.
 *
 * <p>The export breaks a few records over two lines where the comment ends in a line break; such a
 * record is joined again. Uncertain figures keep their '?' in the statement's original value and are
 * listed in the transfer's summary. Every entity is attributed to SIPRI.
 */
public final class SipriTradeRegisterReader implements EntitySource {
    public static final String PUBLISHER = "Stockholm International Peace Research Institute (SIPRI)";
    public static final String SOURCE_URL = "https://www.sipri.org/databases/armstransfers";
    private static final int COLUMNS = 16;
    /** The state entities of China and of Russia with the Soviet Union, by id, with their country codes. */
    private static final Map<String, String> CHINA_AND_RUSSIA = Map.of(
            "sipri-state-russia", "ru", "sipri-state-soviet-union", "ru", "sipri-state-china", "cn");

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final List<String[]> records;
    private final String dataDate;
    private final Map<String, Integer> idCounts = new HashMap<>();
    private final Map<String, Entity> states = new LinkedHashMap<>();
    private final List<Entity> pending = new ArrayList<>();
    private int next;
    private int headerLine;

    public SipriTradeRegisterReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            String date = null;
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.startsWith("Data generated:")) {
                    date = isoDate(line.substring("Data generated:".length()).strip());
                }
                if (line.startsWith("Recipient,Supplier,Year of order")) {
                    headerLine = number;
                    break;
                }
            }
            if (line == null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": no header line 'Recipient,Supplier,Year of order,...':"
                        + " is this a SIPRI trade register CSV export?");
            }
            this.dataDate = date;
            this.records = joinBrokenRecords(readRows(reader));
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read as CSV: " + e.getMessage(), e);
        }
    }

    private static List<String[]> readRows(BufferedReader reader) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> iterator = mapper.readerFor(String[].class).readValues(reader)) {
            while (iterator.hasNext()) {
                rows.add(iterator.next());
            }
        }
        return rows;
    }

    /** Joins a record split by a line break in its comment: 13 fields, then a line with the remaining 4. */
    private List<String[]> joinBrokenRecords(List<String[]> rows) {
        List<String[]> joined = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            if (row.length < COLUMNS && i + 1 < rows.size() && row.length + rows.get(i + 1).length - 1 == COLUMNS) {
                String[] continuation = rows.get(++i);
                String[] whole = Arrays.copyOf(row, COLUMNS);
                whole[row.length - 1] = row[row.length - 1] + continuation[0];
                System.arraycopy(continuation, 1, whole, row.length, continuation.length - 1);
                row = whole;
            }
            joined.add(row);
        }
        return joined;
    }

    /** "13 Mar 2025 10:02:49 AM" to "2025-03-13"; the text as it is when it has another form. */
    private static String isoDate(String generated) {
        String[] parts = generated.split(" ");
        try {
            return java.time.LocalDate.parse(parts[0] + " " + parts[1] + " " + parts[2],
                    java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)).toString();
        } catch (RuntimeException e) {
            return generated;
        }
    }

    /** The "Data generated" date of the export (ISO), or null. */
    @Override
    public String dataDate() {
        return dataDate;
    }

    /** How many deals the register holds (records after joining broken lines). */
    public int deals() {
        return records.size();
    }

    @Override
    public Entity next() {
        while (pending.isEmpty()) {
            if (next >= records.size()) {
                return null;
            }
            int index = next++;
            pending.addAll(transfer(records.get(index), index));
        }
        return pending.removeFirst();
    }

    private List<Entity> transfer(String[] row, int index) {
        String where = file.getFileName() + " deal " + (index + 1) + " (after the header on line " + headerLine + ")";
        if (row.length != COLUMNS) {
            throw new InvalidRecordException(where, "expected " + COLUMNS + " columns, found " + row.length);
        }
        String recipient = row[0].strip();
        String supplier = row[1].strip();
        String designation = row[6].strip();
        if (recipient.isEmpty() || supplier.isEmpty() || designation.isEmpty()) {
            throw new InvalidRecordException(where, "recipient, supplier and weapon designation are required");
        }
        String year = row[2].strip();
        if (!year.isEmpty() && !year.matches("\\d{4}")) {
            throw new InvalidRecordException(where, "field 'Year of order' is '" + year + "'; expected a four-digit year");
        }
        List<Entity> entities = new ArrayList<>(3);
        String supplierId = state(supplier, entities);
        String recipientId = state(recipient, entities);
        String key = String.join("|", recipient, supplier, year, row[4], designation, row[7], row[10], row[12]);
        // The first 80 bits of the SHA-1 key: short ids, and no collision among 30,000 deals.
        String id = "sipri-transfer-" + Checksums.recordKey(key).substring(0, 20);
        int seen = idCounts.merge(id, 1, Integer::sum);
        if (seen > 1) {
            id = id + "-" + seen;
        }
        List<String> uncertain = new ArrayList<>();
        EntityBuilder builder = Entity.builder(model.requireSchema("Transfer"), id, dataset).source(where);
        builder.add("supplier", supplierId).add("recipient", recipientId).add("item", designation).add("itemCategory", row[7].strip());
        addUncertain(builder, "orderDate", year, row[3], uncertain, "year of order");
        addUncertain(builder, "quantity", row[4].strip(), row[5], uncertain, "number ordered");
        for (String delivery : row[10].split(";")) {
            builder.add("deliveryDate", delivery.strip());
        }
        builder.add("status", row[11].strip()).add("description", row[12].strip()).add("technologyDomain", SipriDomains.domainOf(row[7]));
        List<String> summary = new ArrayList<>();
        if (!row[8].isBlank()) {
            summary.add("number delivered " + row[8].strip() + ("?".equals(row[9].strip()) ? " (uncertain)" : ""));
        }
        summary.add("SIPRI TIV (millions) per unit " + blankAsNone(row[13]) + ", total order " + blankAsNone(row[14])
                + ", delivered " + blankAsNone(row[15]));
        if (!uncertain.isEmpty()) {
            summary.add("uncertain: " + String.join(", ", uncertain));
        }
        builder.add("summary", String.join("; ", summary))
                .add("publisher", PUBLISHER).add("sourceUrl", SOURCE_URL);
        entities.add(builder.build());
        return entities;
    }

    private static void addUncertain(EntityBuilder builder, String property, String value, String flag, List<String> uncertain, String label) {
        if (value.isEmpty()) {
            return;
        }
        if ("?".equals(flag.strip())) {
            uncertain.add(label);
            builder.add(property, value, null, value + "?");
        } else {
            builder.add(property, value);
        }
    }

    private static String blankAsNone(String value) {
        return value.isBlank() ? "n/a" : value.strip();
    }

    /** The id of the state's entity; creates it, into {@code into}, the first time the state appears. */
    private String state(String name, List<Entity> into) {
        String id = "sipri-state-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (!states.containsKey(id)) {
            Entity state = Entity.builder(model.requireSchema("PublicBody"), id, dataset).source(file.getFileName().toString())
                    .add("name", name).add("publisher", PUBLISHER).add("sourceUrl", SOURCE_URL).build();
            states.put(id, state);
            into.add(state);
        }
        return id;
    }

    /**
     * "ru" for the state entity of Russia or of the Soviet Union, "cn" for China's, null for any other
     * id: the two sides of the flows that Convergence follows.
     */
    public static String chinaOrRussia(String stateId) {
        return CHINA_AND_RUSSIA.get(stateId);
    }

    @Override
    public long position() {
        return next;
    }

    @Override
    public long size() {
        return records.size();
    }

    @Override
    public void close() {}
}
