package org.convergence.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.evidence.EvidenceRecords.Claim;
import org.convergence.evidence.EvidenceRecords.Domain;
import org.convergence.evidence.EvidenceRecords.Event;
import org.convergence.evidence.EvidenceRecords.Money;
import org.convergence.evidence.EvidenceRecords.Origin;
import org.convergence.evidence.EvidenceRecords.Party;
import org.convergence.evidence.EvidenceRecords.ResearchArea;
import org.convergence.evidence.EvidenceRecords.Source;
import org.convergence.evidence.EvidenceRecords.Taxonomy;

/**
 * The curated evidence base read from its folder: {@code parties/*.yaml}, {@code events/*.yaml} and
 * {@code taxonomy.yaml}. Reading checks only the shape of the files (YAML syntax, lists and maps where
 * expected); {@link EvidenceValidator} checks the content.
 */
public record EvidenceBase(Path folder, List<Party> parties, List<Event> events, Taxonomy taxonomy, List<Path> files) {
    private static final YAMLMapper YAML = new YAMLMapper();

    public EvidenceBase {
        parties = List.copyOf(parties);
        events = List.copyOf(events);
        files = List.copyOf(files);
    }

    /** The Canadian Sensitive Technology Research Areas that an event's domain concerns (empty when none). */
    public List<ResearchArea> researchAreasOf(Event event) {
        return taxonomy.domains().stream().filter(domain -> domain.id().equals(event.domain())).findFirst()
                .map(Domain::researchAreas).orElse(List.of());
    }

    /**
     * Reads the evidence folder.
     *
     * @throws ConvergenceException naming the file and line when a file is not valid YAML or has the wrong shape
     */
    public static EvidenceBase read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, folder + ": no evidence folder here; pass --dir with the repository's evidence/ folder");
        }
        List<Path> files = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (Path file : yamlFiles(folder.resolve("parties"))) {
            files.add(file);
            for (JsonNode node : list(file, load(file))) {
                parties.add(party(file, node));
            }
        }
        List<Event> events = new ArrayList<>();
        for (Path file : yamlFiles(folder.resolve("events"))) {
            files.add(file);
            for (JsonNode node : list(file, load(file))) {
                events.add(event(file, node));
            }
        }
        Path taxonomyFile = folder.resolve("taxonomy.yaml");
        Taxonomy taxonomy = new Taxonomy(null, List.of());
        if (Files.exists(taxonomyFile)) {
            files.add(taxonomyFile);
            taxonomy = taxonomy(taxonomyFile, load(taxonomyFile));
        }
        return new EvidenceBase(folder, parties, events, taxonomy, files);
    }

    private static List<Path> yamlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, folder + ": cannot list: " + e.getMessage(), e);
        }
    }

    private static JsonNode load(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createArrayNode() : node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + (location == null ? "" : ":" + location.getLineNr())
                    + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static Iterable<JsonNode> list(Path file, JsonNode node) {
        if (!node.isArray()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": expected a YAML list of records (lines starting with '- ')");
        }
        return node;
    }

    private static Party party(Path file, JsonNode node) {
        Origin origin = new Origin(file.getFileName().toString(), text(node, "id"));
        return new Party(text(node, "id"), text(node, "schema"), text(node, "country"), text(node, "name"),
                strings(node.get("names"), origin, "names"), strings(node.get("aliases"), origin, "aliases"), origin);
    }

    private static Event event(Path file, JsonNode node) {
        Origin origin = new Origin(file.getFileName().toString(), text(node, "id"));
        Map<String, List<String>> parties = new LinkedHashMap<>();
        JsonNode partiesNode = node.get("parties");
        if (partiesNode != null && !partiesNode.isNull()) {
            if (!partiesNode.isObject()) {
                throw shape(origin, "parties", "a map of role to list of party ids");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = partiesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> role = it.next();
                parties.put(role.getKey(), strings(role.getValue(), origin, "parties." + role.getKey()));
            }
        }
        List<Claim> claims = new ArrayList<>();
        for (JsonNode claim : array(node.get("claims"), origin, "claims")) {
            JsonNode value = claim.get("value");
            Money money = value == null || value.isNull() ? null
                    : new Money(number(value.get("amount"), origin, "value.amount"), text(value, "currency"),
                            value.hasNonNull("year") ? value.get("year").asInt() : null);
            claims.add(new Claim(number(claim.get("quantity"), origin, "quantity"), money, text(claim, "source")));
        }
        List<Source> sources = new ArrayList<>();
        for (JsonNode source : array(node.get("sources"), origin, "sources")) {
            sources.add(source(source));
        }
        return new Event(text(node, "id"), text(node, "date"), text(node, "endDate"), text(node, "domain"), text(node, "type"),
                text(node, "direction"), parties, text(node, "item"), text(node, "summary"), claims, sources, text(node, "notes"), origin);
    }

    private static Taxonomy taxonomy(Path file, JsonNode node) {
        Origin origin = new Origin(file.getFileName().toString(), null);
        List<Domain> domains = new ArrayList<>();
        for (JsonNode domain : array(node.get("domains"), origin, "domains")) {
            Origin domainOrigin = new Origin(origin.file(), text(domain, "id"));
            List<ResearchArea> areas = new ArrayList<>();
            for (JsonNode area : array(domain.get("researchAreas"), domainOrigin, "researchAreas")) {
                areas.add(new ResearchArea(text(area, "area"), strings(area.get("subAreas"), domainOrigin, "subAreas")));
            }
            domains.add(new Domain(text(domain, "id"), text(domain, "label"), text(domain, "description"), areas));
        }
        JsonNode source = node.get("source");
        return new Taxonomy(source == null || source.isNull() ? null : source(source), domains);
    }

    private static Source source(JsonNode node) {
        return new Source(text(node, "publisher"), text(node, "title"), text(node, "date"), text(node, "url"));
    }

    /** A scalar as text (YAML may read a date or a number; the text is what the file says), or null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static BigDecimal number(JsonNode value, Origin origin, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        try {
            return new BigDecimal(value.asText().replace(",", "").strip());
        } catch (NumberFormatException e) {
            throw shape(origin, field, "a number, found '" + value.asText() + "'");
        }
    }

    private static List<String> strings(JsonNode node, Origin origin, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isValueNode()) {
            return List.of(node.asText());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isValueNode()) {
                throw shape(origin, field, "a list of strings");
            }
            values.add(value.asText());
        }
        return values;
    }

    private static Iterable<JsonNode> array(JsonNode node, Origin origin, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw shape(origin, field, "a list");
        }
        return node;
    }

    private static ConvergenceException shape(Origin origin, String field, String expected) {
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, origin + " field '" + field + "': expected " + expected);
    }
}
