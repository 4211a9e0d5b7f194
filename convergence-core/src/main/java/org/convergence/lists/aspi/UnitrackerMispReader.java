package org.convergence.lists.aspi;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.ingest.EntitySource;
import org.convergence.ingest.InvalidRecordException;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;

/**
 * Reads the Australian Strategic Policy Institute's China Defence Universities Tracker as the MISP
 * galaxy cluster {@code china-defence-universities.json}, the tracker's only bulk form. Each
 * institution becomes an Organization (English and Chinese names, aliases, address, category,
 * research topics) and a Sanction-like listing in the tracker.
 *
 * <p>Ids are {@code aspi-unitracker-<uuid>} from the cluster value's uuid, which MISP keeps stable
 * across versions of the galaxy. The cluster states no date for its data, so the data date is null.
 */
public final class UnitrackerMispReader implements EntitySource {
    public static final String SOURCE_URL = "https://unitracker.aspi.org.au/";
    public static final String AUTHORITY = "Australian Strategic Policy Institute";
    public static final String PROGRAM = "China Defence Universities Tracker";
    private static final String GALAXY_TYPE = "china-defence-universities";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** "Harbin Institute of Technology (哈尔滨工业大学)": the English name, then the Chinese one in parentheses. */
    private static final Pattern ENGLISH_AND_CHINESE = Pattern.compile("(.*\\S)\\s*\\(([^()]*\\p{IsHan}[^()]*)\\)");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** FtM topics the tracker's categories state plainly; every institution is also a trade risk. */
    private static final Map<String, String> CATEGORY_TOPICS = Map.of(
            "military", "mil", "security", "gov.security", "defence industry conglomerate", "gov.soe");
    /** Labels of the meta fields that go into notes, one note per value. */
    private static final Map<String, String> NOTE_LABELS = Map.of(
            "supervising agencies", "Supervising agency", "major defence laboratories", "Major defence laboratory",
            "subsidiaries", "Subsidiary", "lat", "Latitude", "long", "Longitude");

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final long size;
    private final JsonNode values;
    private final List<Entity> pending = new ArrayList<>(2);
    private final Set<String> uuids = new HashSet<>();
    private int record;

    public UnitrackerMispReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        JsonNode cluster;
        try {
            this.size = Files.size(file);
            cluster = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (JacksonException e) {
            JsonLocation location = e.getLocation();
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + (location == null ? "" : ":" + location.getLineNr())
                    + ": malformed JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + "); is the file truncated?", e);
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        if (cluster == null || !cluster.isObject() || !cluster.path("values").isArray()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file
                    + ": not a MISP galaxy cluster, expected an object with 'type' and a 'values' array");
        }
        String type = cluster.path("type").asText();
        if (!GALAXY_TYPE.equals(type)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": MISP galaxy cluster of type '" + type + "' ('"
                    + cluster.path("name").asText() + "'), expected type '" + GALAXY_TYPE + "': is this ASPI's China Defence Universities Tracker?");
        }
        this.values = cluster.get("values");
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        if (record >= values.size()) {
            return null;
        }
        JsonNode value = values.get(record++);
        String where = file.getFileName() + " record " + record;
        pending.addAll(entities(value, where));
        return pending.removeFirst();
    }

    private List<Entity> entities(JsonNode value, String where) {
        if (!value.isObject()) {
            throw new InvalidRecordException(where, "expected a cluster value object, found " + value.getNodeType());
        }
        String uuid = value.path("uuid").asText();
        if (!UUID.matcher(uuid).matches()) {
            throw new InvalidRecordException(where, "uuid: expected a UUID, found '" + uuid + "'");
        }
        uuid = uuid.toLowerCase(Locale.ROOT);
        where = where + " (" + uuid + ")";
        if (!uuids.add(uuid)) {
            throw new InvalidRecordException(where, "uuid: listed twice");
        }
        String fullName = value.path("value").asText().strip();
        if (fullName.isEmpty()) {
            throw new InvalidRecordException(where, "value: expected the institution's name");
        }
        JsonNode meta = value.path("meta");
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw new InvalidRecordException(where, "meta: expected an object, found " + meta.getNodeType());
        }

        String id = "aspi-unitracker-" + uuid;
        EntityBuilder organization = Entity.builder(model.requireSchema("Organization"), id, dataset).source(where);
        Matcher names = ENGLISH_AND_CHINESE.matcher(fullName);
        List<String> given = names.matches() ? List.of(names.group(1), names.group(2).strip()) : List.of(fullName);
        for (String name : given) {
            organization.add("name", name, chinese(name) == null ? "eng" : "zho", null);
        }
        organization.add("country", "cn").add("topics", "export.risk").add("description", value.path("description").asText().strip());

        // ASPI is not a state, so the listing has no country.
        EntityBuilder listing = Entity.builder(model.requireSchema("Sanction"), "aspi-unitracker-sanction-" + uuid, dataset)
                .source(where).add("entity", id).add("authority", AUTHORITY).add("program", PROGRAM);
        meta.properties().forEach(field -> {
            String key = field.getKey();
            for (String text : texts(field.getValue())) {
                switch (key) {
                    case "aliases" -> {
                        if (!given.contains(text)) {
                            organization.add("alias", text, chinese(text), null);
                        }
                    }
                    case "categories" -> {
                        organization.add("classification", text).add("topics", CATEGORY_TOPICS.get(text.toLowerCase(Locale.ROOT)));
                        listing.add("reason", "Category: " + text);
                    }
                    // MISP's generator copies the tracker's risk statement here when the page has one.
                    case "risk" -> listing.add("reason", "Risk: " + text);
                    case "refs" -> {
                        organization.add("sourceUrl", text);
                        listing.add("sourceUrl", text);
                    }
                    case "topics" -> organization.add("keywords", text);
                    case "address" -> organization.add("address", text);
                    default -> organization.add("notes", NOTE_LABELS.getOrDefault(key, key) + ": " + text);
                }
            }
        });
        value.properties().forEach(field -> {
            if (!Set.of("uuid", "value", "description", "meta").contains(field.getKey())) {
                texts(field.getValue()).forEach(text -> organization.add("notes", field.getKey() + ": " + text));
            }
        });
        return List.of(organization.build(), listing.build());
    }

    /** The texts of a meta field: each element of an array, or the single value; nested structures as JSON. */
    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node.isArray() ? node : List.of(node)) {
            texts.add((element.isValueNode() ? element.asText() : element.toString()).strip());
        }
        return texts;
    }

    /** ISO 639-3 "zho" for a name in Chinese characters, else null (Latin-script aliases are often acronyms). */
    private static String chinese(String name) {
        return HAN.matcher(name).find() ? "zho" : null;
    }

    /** The cluster states no date for its data ("version" is a counter). */
    @Override
    public String dataDate() {
        return null;
    }

    /** Bytes of the file, in proportion to the institutions read (the file is parsed whole). */
    @Override
    public long position() {
        return values.isEmpty() ? size : size * record / values.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        // The file was read whole in the constructor; nothing is open.
    }
}
