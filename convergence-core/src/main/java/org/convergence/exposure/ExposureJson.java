package org.convergence.exposure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An exposure finding as JSON, one shape for the JSON lines of {@code convergence exposure} and the
 * answers of {@code POST /exposure/{scope}}: {@code row}, {@code input}, {@code flagged}, {@code tier}
 * ({@code listed}, {@code linked}, {@code clear}), {@code reasons}, {@code paths} (each with its
 * {@code hops} and {@code steps}: {@code id}, {@code caption}, {@code names}, {@code schema},
 * {@code dataset}, {@code listed}, {@code nexus}, on the first step {@code score} and {@code matched},
 * and but on the last the {@code relation} to the next step with its {@code sources}), {@code areas},
 * {@code units}, {@code audit_requests} and {@code error}.
 */
public final class ExposureJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExposureJson() {}

    public static ObjectNode of(Exposure exposure) {
        ObjectNode node = NODES.objectNode();
        node.put("row", exposure.row());
        node.put("input", exposure.input());
        node.put("flagged", exposure.flagged());
        node.put("tier", exposure.tier().label());
        strings(node.putArray("reasons"), exposure.reasons());
        ArrayNode paths = node.putArray("paths");
        for (Exposure.Path path : exposure.paths()) {
            ObjectNode pathNode = paths.addObject();
            pathNode.put("hops", path.steps().size() - 1);
            ArrayNode steps = pathNode.putArray("steps");
            path.steps().forEach(step -> steps.add(step(step)));
        }
        strings(node.putArray("areas"), exposure.areas());
        ArrayNode units = node.putArray("units");
        exposure.units().forEach(unit -> units.addObject().put("text", unit.text()).put("kind", unit.kind().name().toLowerCase(java.util.Locale.ROOT)));
        ArrayNode requests = node.putArray("audit_requests");
        exposure.auditRequests().forEach(requests::add);
        if (exposure.error() != null) {
            node.put("error", exposure.error());
        }
        return node;
    }

    private static ObjectNode step(Exposure.Step step) {
        ObjectNode node = NODES.objectNode();
        node.put("id", step.id());
        node.put("caption", step.caption());
        strings(node.putArray("names"), step.names());
        node.put("schema", step.schema());
        node.put("dataset", step.dataset());
        node.put("listed", step.listed());
        node.put("nexus", step.nexus());
        if (step.score() != null) {
            node.put("score", Math.round(step.score() * 1000) / 1000.0);
            node.put("matched", step.matched());
        }
        if (step.link() != null) {
            Exposure.Link link = step.link();
            ObjectNode relation = node.putObject("relation");
            relation.put("label", link.label());
            relation.put("schema", link.schema());
            relation.put("direction", link.forward() ? "to next" : "from next");
            ObjectNode sources = relation.putObject("source");
            strings(sources.putArray("urls"), link.urls());
            strings(sources.putArray("publishers"), link.publishers());
            strings(sources.putArray("records"), link.records());
            if (link.start() != null) {
                relation.put("start", link.start());
            }
            if (link.end() != null) {
                relation.put("end", link.end());
            }
        }
        return node;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
