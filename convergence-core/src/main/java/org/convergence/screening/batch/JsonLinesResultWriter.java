package org.convergence.screening.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.convergence.screening.Feature;
import org.convergence.screening.ScoringModel;

/**
 * Batch results as JSON lines: one object per input row and hit, with the CSV's fields, every feature
 * (most telling first, with value and detail) and the notes as an array.
 */
public final class JsonLinesResultWriter implements ResultWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private JsonGenerator json;
    private ScoringModel model;

    public JsonLinesResultWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void start(BatchContext context) {
        this.model = context.model();
        try {
            json = JSON.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    .disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            // One object per line: the line break is written after each, with no separator before the next.
            json.setRootValueSeparator(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON lines results: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(RowOutcome outcome) {
        try {
            for (HitRow hit : HitRow.of(outcome, model)) {
                json.writeStartObject();
                json.writeNumberField("row", hit.row());
                json.writeStringField("input_id", hit.inputId());
                json.writeStringField("input_name", hit.inputName());
                json.writeObjectField("request_id", hit.requestId());
                json.writeStringField("matched_id", hit.matchedId());
                json.writeStringField("caption", hit.caption());
                json.writeStringField("dataset", hit.dataset());
                json.writeObjectField("version", hit.version());
                json.writeObjectField("score", hit.score());
                json.writeObjectField("match", hit.match());
                json.writeArrayFieldStart("features");
                for (Feature feature : hit.features()) {
                    json.writeStartObject();
                    json.writeStringField("name", feature.name());
                    json.writeNumberField("value", feature.value());
                    json.writeStringField("detail", feature.detail());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("notes");
                for (String note : hit.notes()) {
                    json.writeString(note);
                }
                json.writeEndArray();
                json.writeEndObject();
                json.flush();
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON lines results: " + e.getMessage(), e);
        }
    }

    @Override
    public void finish(BatchSummary summary) {
        try {
            json.close();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON lines results: " + e.getMessage(), e);
        }
    }
}
