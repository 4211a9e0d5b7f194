package org.convergence.screening.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.model.ConvergenceModel;
import tech.followthemoney.model.Schema;

/** A CSV file with a header row, read record by record. */
final class CsvInput implements BatchInput {
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final Path file;
    private final CountingInput input;
    private final MappingIterator<String[]> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private final ColumnMapping mapping;
    private final boolean guessed;
    private final Schema schema;
    private final RowQueries queries;
    private long row;

    CsvInput(Path file, ColumnMapping requested, String schemaName, ConvergenceModel model) {
        this.file = file;
        this.input = CountingInput.open(file);
        try {
            this.records = reader(input);
            String[] first = nextRecord();
            if (first == null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + " is empty: expected a header row of column names");
            }
            if (first.length > 0 && first[0].startsWith("\uFEFF")) {
                first[0] = first[0].substring(1);
            }
            this.header = Arrays.stream(first).map(String::strip).toList();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i), i);
            }
            this.guessed = requested == null;
            ColumnMapping mapping = guessed ? ColumnMapping.guess(header) : requested;
            List<String> missing = mapping.missing(header);
            if (!missing.isEmpty()) {
                String column = missing.getFirst();
                String property = mapping.columns().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow().property();
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, "column '" + column + "' (mapped to " + property + ") is not in "
                        + file.getFileName() + "; its columns are: " + String.join(", ", header));
            }
            this.schema = RowQueries.defaultSchema(model, schemaName, mapping);
            this.mapping = guessed ? mapping.only(p -> p.equals(ColumnMapping.ID) || p.equals(ColumnMapping.SCHEMA) || schema.hasProperty(p))
                    : mapping;
            RowQueries.check(this.mapping, schema, header);
            this.queries = new RowQueries(model);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private MappingIterator<String[]> reader(CountingInput input) {
        try {
            return CSV.readerFor(String[].class).readValues(new InputStreamReader(input, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public BatchRow next() {
        long line = records.getCurrentLocation().getLineNr();
        String[] record = nextRecord();
        if (record == null) {
            return null;
        }
        row++;
        String location = file.getFileName() + " row " + row + " (line " + line + ")";
        return queries.fromColumns(row, location, schema, mapping, column -> {
            int at = index.get(column);
            return at < record.length ? List.of(record[at]) : List.of();
        });
    }

    private String[] nextRecord() {
        try {
            return records.hasNextValue() ? records.nextValue() : null;
        } catch (IOException | RuntimeException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ":" + records.getCurrentLocation().getLineNr()
                    + ": malformed CSV (" + e.getMessage().lines().findFirst().orElse("") + "); is a quote left open?", e);
        }
    }

    @Override
    public long position() {
        return input.position();
    }

    @Override
    public long size() {
        return input.size();
    }

    @Override
    public String describe() {
        return "columns " + mapping + (guessed ? " (guessed from the header; set them with --column PROPERTY=COLUMN)" : "")
                + "; schema " + schema.getName();
    }

    @Override
    public void close() {
        try {
            input.close();
        } catch (IOException e) {
            // reading is over; nothing is lost
        }
    }
}
