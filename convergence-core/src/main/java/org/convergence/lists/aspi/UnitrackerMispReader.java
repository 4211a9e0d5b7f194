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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.Checksums;
import org.convergence.ingest.EntitySource;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import tech.followthemoney.model.Schema;

/**
 * Reads the Australian Strategic Policy Institute's China Defence Universities Tracker as the MISP
 * galaxy cluster {@code china-defence-universities.json}, the tracker's only bulk form. Each
 * institution becomes an Organization (English and Chinese names, aliases, address, category,
 * research topics) and a Sanction-like listing in the tracker.
 *
 * <p>What the tracker says an institution is tied to becomes entities of their own, linked to it by
 * relationship entities that carry the institution's tracker page as their source and the entry as
 * the tracker writes it as their summary:
 * <ul>
 *   <li>A supervising agency becomes a PublicBody (a ministry, a government, a PLA service, a
 *       commission ...) or else an Organization, one per agency across the tracker, linked by an
 *       UnknownLink with the role {@value #SUPERVISING_AGENCY}: FtM has no schema for supervision,
 *       which is neither ownership nor membership, and UnknownLink's role says which tie it is.</li>
 *   <li>A major defence laboratory becomes an Organization, one per laboratory across the tracker
 *       (a laboratory run jointly by two universities is listed under both), linked by a Membership
 *       (the laboratory a member of its host) with the role {@value #LABORATORY}.</li>
 *   <li>A subsidiary of a defence-industry conglomerate becomes a Company that the conglomerate owns
 *       (Ownership, owner to asset); a subsidiary of any other institution (a campus, a department, a
 *       hospital, a university's company) an Organization linked by a Membership with the role
 *       {@value #SUBSIDIARY}, since a university's campus is part of it rather than owned. A
 *       subsidiary's name often means something only under its parent ("Political Department"), so
 *       each parent's subsidiaries are its own.</li>
 * </ul>
 * An agency or subsidiary whose English name is another institution's of the tracker (AVIC
 * supervising AECC) is that institution, and a subsidiary that is a laboratory of the tracker is that
 * laboratory (the Academy of Military Science lists three of them as both).
 *
 * <p>The MISP generator flattened the tracker's notes under a laboratory into the list of
 * laboratories: an entry is such a note, kept as the description of the laboratory's Membership,
 * when the entry before it ends with a line break (the flattened nesting), when it opens as a note
 * does ("Jointly run with AVIC", "May also be known as ..."), or when it names no organisation
 * ("Norinco 59", a fragment the generator cut short).
 *
 * <p>Ids are {@code aspi-unitracker-<uuid>} from the cluster value's uuid, which MISP keeps stable
 * across versions of the galaxy; the tracker gives agencies, laboratories and subsidiaries no key, so
 * theirs come from their normalised names (see {@link TrackerName#key()}), a subsidiary's with its
 * parent's uuid, and a relation's from its institution's uuid and the other party's id. The cluster
 * states no date for its data, so the data date is null.
 */
public final class UnitrackerMispReader implements EntitySource {
    public static final String SOURCE_URL = "https://unitracker.aspi.org.au/";
    public static final String AUTHORITY = "Australian Strategic Policy Institute";
    public static final String PROGRAM = "China Defence Universities Tracker";
    /** The tracker's categories: the armed forces' institutions, the defence conglomerates, and the universities closest to them. */
    public static final String MILITARY = "Military";
    public static final String CONGLOMERATE = "Defence industry conglomerate";
    public static final String SEVEN_SONS = "Seven sons of national defence";
    static final String SUPERVISING_AGENCY = "supervising agency of";
    static final String LABORATORY = "major defence laboratory";
    static final String SUBSIDIARY = "subsidiary";
    private static final String ID_PREFIX = "aspi-unitracker-";
    private static final String GALAXY_TYPE = "china-defence-universities";
    private static final String AGENCIES = "supervising agencies";
    private static final String LABORATORIES = "major defence laboratories";
    private static final String SUBSIDIARIES = "subsidiaries";
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** Words of a government body's name; an agency without one (Sinopec Group, the Chinese Academy of Sciences) is an Organization. */
    private static final Pattern GOVERNMENT = Pattern.compile("\\b(?:Ministry|Government|Commission|Administration|Bureau|Office|PLA|Police)\\b");
    /** How the tracker's notes under a laboratory open. */
    private static final Pattern NOTE_OPENING = Pattern.compile("\\(?(?:aka|also|may|possibly|probably|jointly|it is|in \\d{4}|hosts|located"
            + "|linked to|literally|one of|originally|not included|established|a defence|under|this|based in|previously|does not|the lab"
            + "|unspecified)\\b", Pattern.CASE_INSENSITIVE);
    /** Words that name an organisation; a laboratory entry without one is a fragment of a note. */
    private static final Pattern ORGANISATION_WORD = Pattern.compile("laborator|\\blab\\b|center|centre|institute|academy|station|\\bbase\\b"
            + "|school|university|college|department|hospital|实验室|中心|研究所|研究院", Pattern.CASE_INSENSITIVE);
    /** "[Probable] Panda International ...": the tracker is not sure of the subsidiary; the mark stays in the relation's summary. */
    private static final Pattern PROBABLE = Pattern.compile("\\[Probable\\]\\s*", Pattern.CASE_INSENSITIVE);
    /** FtM topics the tracker's categories state plainly; every institution is also a trade risk. */
    private static final Map<String, String> CATEGORY_TOPICS = Map.of(
            "military", "mil", "security", "gov.security", "defence industry conglomerate", "gov.soe");
    /** Labels of the meta fields that go into notes, one note per value. */
    private static final Map<String, String> NOTE_LABELS = Map.of("lat", "Latitude", "long", "Longitude");

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final long size;
    private final JsonNode values;
    /** Institutions by the key of their English name, for agencies and subsidiaries that are institutions of the tracker. */
    private final Map<String, String> institutionsByName;
    /** The keys of the names of every laboratory of the tracker, for subsidiaries that are laboratories too. */
    private final Set<String> laboratoryNames;
    /** Agencies and laboratories, one per name across the tracker, written after the last institution. */
    private final Map<String, SharedNode> shared = new LinkedHashMap<>();
    private final List<Entity> pending = new ArrayList<>();
    private final Set<String> uuids = new HashSet<>();
    private int record;
    private boolean sharedWritten;

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
        this.institutionsByName = institutionsByName(values);
        this.laboratoryNames = laboratoryNames(values);
    }

    /** The institutions by the key of their English name; a name two institutions share names neither. Invalid values are left to next(). */
    private static Map<String, String> institutionsByName(JsonNode values) {
        Map<String, String> byName = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (JsonNode value : values) {
            String uuid = value.path("uuid").asText();
            String name = value.path("value").asText();
            if (!UUID.matcher(uuid).matches() || name.isBlank()) {
                continue;
            }
            String key = TrackerName.parse(name).key();
            if (byName.putIfAbsent(key, ID_PREFIX + uuid.toLowerCase(Locale.ROOT)) != null) {
                shared.add(key);
            }
        }
        shared.forEach(byName::remove);
        return byName;
    }

    /** The keys of the laboratories' names; invalid values are left to next(). */
    private static Set<String> laboratoryNames(JsonNode values) {
        Set<String> names = new HashSet<>();
        for (JsonNode value : values) {
            try {
                laboratories(entries(value.path("meta"), LABORATORIES, "")).forEach(laboratory -> names.add(laboratory.name().key()));
            } catch (InvalidRecordException e) {
                // reported when next() reads the value
            }
        }
        return names;
    }

    @Override
    public Entity next() {
        if (pending.isEmpty() && record < values.size()) {
            JsonNode value = values.get(record++);
            pending.addAll(entities(value, file.getFileName() + " record " + record));
        }
        if (pending.isEmpty() && record >= values.size() && !sharedWritten) {
            sharedWritten = true;
            shared.values().forEach(node -> pending.add(node.build()));
        }
        return pending.isEmpty() ? null : pending.removeFirst();
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

        String id = ID_PREFIX + uuid;
        EntityBuilder organization = Entity.builder(model.requireSchema("Organization"), id, dataset).source(where);
        List<String> given = TrackerName.parse(fullName).names();
        for (String name : given) {
            organization.add("name", name, chinese(name) == null ? "eng" : "zho", null);
        }
        organization.add("country", "cn").add("topics", "export.risk").add("description", value.path("description").asText().strip());

        // ASPI is not a state, so the listing has no country.
        EntityBuilder listing = Entity.builder(model.requireSchema("Sanction"), ID_PREFIX + "sanction-" + uuid, dataset)
                .source(where).add("entity", id).add("authority", AUTHORITY).add("program", PROGRAM);
        meta.properties().forEach(field -> {
            String key = field.getKey();
            if (Set.of(AGENCIES, LABORATORIES, SUBSIDIARIES).contains(key)) {
                return;
            }
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
        Institution institution = new Institution(id, uuid, texts(meta.path("refs")),
                texts(meta.path("categories")).stream().anyMatch(CONGLOMERATE::equalsIgnoreCase), where);
        Relations relations = new Relations();
        agencies(institution, entries(meta, AGENCIES, where), relations);
        laboratories(institution, entries(meta, LABORATORIES, where), relations, organization);
        subsidiaries(institution, entries(meta, SUBSIDIARIES, where), relations);

        List<Entity> entities = new ArrayList<>();
        entities.add(organization.build());
        entities.add(listing.build());
        entities.addAll(relations.build());
        return entities;
    }

    /** The institution whose meta fields are being read. */
    private record Institution(String id, String uuid, List<String> pages, boolean conglomerate, String where) {}

    /**
     * The entries of a field of names, as written (a line break at the end kept, see the class
     * comment), blank ones left out.
     */
    private static List<String> entries(JsonNode meta, String field, String where) {
        JsonNode node = meta.path(field);
        List<String> entries = new ArrayList<>();
        for (JsonNode element : node.isMissingNode() ? List.<JsonNode>of() : node.isArray() ? node : List.of(node)) {
            if (!element.isTextual()) {
                throw new InvalidRecordException(where, field + ": expected names, found " + element.getNodeType() + " " + element);
            }
            if (!element.asText().isBlank()) {
                entries.add(element.asText());
            }
        }
        return entries;
    }

    private void agencies(Institution institution, List<String> entries, Relations relations) {
        for (String entry : entries) {
            TrackerName name = TrackerName.parseAgency(entry);
            String agency = institutionsByName.get(name.key());
            if (agency == null || agency.equals(institution.id())) {
                String schema = name.english() != null && GOVERNMENT.matcher(name.english()).find() ? "PublicBody" : "Organization";
                agency = shared(ID_PREFIX + "agency-" + Checksums.recordKey(name.key()).substring(0, 20), schema, name, institution, AGENCIES);
            }
            relations.relation(institution, AGENCIES, agency, entry, "UnknownLink",
                    "subject", agency, "object", institution.id(), "role", SUPERVISING_AGENCY);
        }
    }

    /**
     * A major defence laboratory as the tracker lists it, with the notes the tracker writes under it
     * (see the class comment); {@code name} is null for notes that come before any laboratory.
     */
    private record Laboratory(String entry, TrackerName name, List<String> notes) {}

    private static List<Laboratory> laboratories(List<String> entries) {
        List<Laboratory> laboratories = new ArrayList<>();
        boolean afterLineBreak = false;
        for (String entry : entries) {
            String text = entry.strip();
            boolean note = afterLineBreak || NOTE_OPENING.matcher(text).lookingAt() || !ORGANISATION_WORD.matcher(text).find();
            afterLineBreak = entry.endsWith("\n");
            if (!note) {
                laboratories.add(new Laboratory(entry, TrackerName.parse(text), new ArrayList<>()));
            } else if (laboratories.isEmpty() || laboratories.getLast().name() == null) {
                laboratories.add(new Laboratory(entry, null, new ArrayList<>(List.of(text))));
            } else {
                laboratories.getLast().notes().add(text);
            }
        }
        return laboratories;
    }

    private String laboratoryId(TrackerName name) {
        return ID_PREFIX + "laboratory-" + Checksums.recordKey(name.key()).substring(0, 20);
    }

    private void laboratories(Institution institution, List<String> entries, Relations relations, EntityBuilder organization) {
        for (Laboratory laboratory : laboratories(entries)) {
            if (laboratory.name() == null) {
                laboratory.notes().forEach(note -> organization.add("notes", "Major defence laboratory: " + note));
                continue;
            }
            String id = shared(laboratoryId(laboratory.name()), "Organization", laboratory.name(), institution, LABORATORIES);
            Relation membership = relations.relation(institution, LABORATORIES, id, laboratory.entry(), "Membership",
                    "member", id, "organization", institution.id(), "role", LABORATORY);
            laboratory.notes().forEach(note -> membership.add("description", note));
        }
    }

    /**
     * A subsidiary is another institution of the tracker, or a laboratory of the tracker (the Academy
     * of Military Science lists three of its laboratories as subsidiaries too), or else its own.
     */
    private void subsidiaries(Institution institution, List<String> entries, Relations relations) {
        for (String entry : entries) {
            TrackerName name = TrackerName.parse(PROBABLE.matcher(entry.strip()).replaceFirst(""));
            String existing = institutionsByName.get(name.key());
            if (existing == null && laboratoryNames.contains(name.key())) {
                existing = shared(laboratoryId(name), "Organization", name, institution, SUBSIDIARIES);
            }
            if (existing != null && !existing.equals(institution.id())) {
                relations.relation(institution, SUBSIDIARIES, existing, entry, "Membership",
                        "member", existing, "organization", institution.id(), "role", SUBSIDIARY);
                continue;
            }
            String id = ID_PREFIX + "subsidiary-" + Checksums.recordKey(institution.uuid(), name.key()).substring(0, 20);
            relations.node(id, institution.conglomerate() ? "Company" : "Organization", name, institution, SUBSIDIARIES);
            if (institution.conglomerate()) {
                relations.relation(institution, SUBSIDIARIES, id, entry, "Ownership", "owner", institution.id(), "asset", id);
            } else {
                relations.relation(institution, SUBSIDIARIES, id, entry, "Membership",
                        "member", id, "organization", institution.id(), "role", SUBSIDIARY);
            }
        }
    }

    /** The id of an agency or laboratory, one across the tracker; its names and the pages that name it are gathered. */
    private String shared(String id, String schema, TrackerName name, Institution institution, String field) {
        shared.computeIfAbsent(id, key -> new SharedNode(model.requireSchema(schema), id, institution.where() + " field '" + field + "'"))
                .add(name, institution.pages());
        return id;
    }

    /**
     * An agency, laboratory or subsidiary: its names (each once, in the order first met) and the
     * tracker pages that name it.
     */
    private final class SharedNode {
        private final Schema schema;
        private final String id;
        private final String source;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Set<String> abbreviations = new LinkedHashSet<>();
        private final Set<String> pages = new LinkedHashSet<>();

        SharedNode(Schema schema, String id, String source) {
            this.schema = schema;
            this.id = id;
            this.source = source;
        }

        void add(TrackerName name, List<String> namingPages) {
            name.names().forEach(value -> names.putIfAbsent(value, chinese(value) == null ? "eng" : "zho"));
            abbreviations.addAll(name.abbreviations());
            pages.addAll(namingPages);
        }

        Entity build() {
            EntityBuilder builder = Entity.builder(schema, id, dataset).source(source);
            names.forEach((name, lang) -> builder.add("name", name, lang, null));
            abbreviations.forEach(abbreviation -> builder.add("alias", abbreviation));
            pages.forEach(page -> builder.add("sourceUrl", page));
            return builder.build();
        }
    }

    /** One institution's subsidiaries and relationship entities, each once however often the tracker repeats it. */
    private final class Relations {
        private final Map<String, SharedNode> nodes = new LinkedHashMap<>();
        private final Map<String, Relation> relations = new LinkedHashMap<>();

        void node(String id, String schema, TrackerName name, Institution institution, String field) {
            nodes.computeIfAbsent(id, key -> new SharedNode(model.requireSchema(schema), id, institution.where() + " field '" + field + "'"))
                    .add(name, institution.pages());
        }

        /**
         * The relationship entity between the institution and another entity, stated by {@code entry}.
         *
         * @param parties the relation's entity properties and their values, in pairs
         */
        Relation relation(Institution institution, String field, String other, String entry, String schema, String... parties) {
            String id = ID_PREFIX + "relation-" + Checksums.recordKey(institution.uuid(), field, other).substring(0, 20);
            Relation relation = relations.computeIfAbsent(id, key -> {
                Relation created = new Relation(Entity.builder(model.requireSchema(schema), id, dataset)
                        .source(institution.where() + " field '" + field + "'"));
                for (int i = 0; i < parties.length; i += 2) {
                    created.add(parties[i], parties[i + 1]);
                }
                created.add("publisher", AUTHORITY);
                institution.pages().forEach(page -> created.add("sourceUrl", page));
                return created;
            });
            return relation.add("summary", entry.strip());
        }

        List<Entity> build() {
            List<Entity> entities = new ArrayList<>();
            nodes.values().forEach(node -> entities.add(node.build()));
            relations.values().forEach(relation -> entities.add(relation.builder.build()));
            return entities;
        }
    }

    /** A relationship entity being built, each property's value once. */
    private static final class Relation {
        private final EntityBuilder builder;
        private final Set<String> added = new HashSet<>();

        Relation(EntityBuilder builder) {
            this.builder = builder;
        }

        Relation add(String property, String value) {
            if (added.add(property + "\u0000" + value)) {
                builder.add(property, value);
            }
            return this;
        }
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
