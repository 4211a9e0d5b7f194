package org.convergence.screening;

import org.convergence.screening.compare.TokenWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.convergence.model.Entity;
import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import org.convergence.screening.names.PartKind;
import org.convergence.store.DatasetVersion;
import org.convergence.store.StatementStore;

/**
 * The candidate index: a Lucene index over the romanisation keys, phonetic codes and character
 * trigrams of every name, and over identifiers, of the screenable entities of the latest version of
 * every dataset in the store. Lucene finds a few dozen candidates by rare shared name parts (BM25's
 * idf does the weighting); the {@link Scorer} then decides. The screened form of each entity and its
 * properties are kept in memory beside the index, so that scoring and answering never touch the store.
 */
public final class ScreeningIndex implements AutoCloseable {
    private static final String ORD = "ord";
    private static final String DATASET = "dataset";
    private static final String KIND = "kind";
    private static final String KEY = "key";
    private static final String PHONETIC = "phonetic";
    private static final String GRAM = "gram";
    private static final String IDENTIFIER = "id";
    /** Trigram clauses per query: enough to find a name with typos, few enough to stay fast. */
    private static final int MAX_GRAM_CLAUSES = 48;

    /** One indexed entity: what is compared, and what is shown. */
    public record Indexed(ScreenedEntity screened, Map<String, List<String>> properties, DatasetVersion version) {}

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final List<Indexed> entities;
    private final Map<String, List<Indexed>> byDataset;
    private final Map<String, Integer> byId;
    private final List<DatasetVersion> versions;
    private final NameNormalizer normalizer;
    private final TokenWeights tokenWeights;
    private final References references;

    private ScreeningIndex(Directory directory, List<Indexed> entities, List<DatasetVersion> versions, NameNormalizer normalizer,
            References references) throws IOException {
        this.directory = directory;
        this.references = references;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.entities = entities;
        this.versions = List.copyOf(versions);
        this.normalizer = normalizer;
        this.byId = new HashMap<>(entities.size() * 2);
        Map<String, List<Indexed>> grouped = new HashMap<>();
        for (int i = 0; i < entities.size(); i++) {
            byId.putIfAbsent(entities.get(i).screened().id(), i);
            grouped.computeIfAbsent(entities.get(i).screened().dataset(), dataset -> new ArrayList<>()).add(entities.get(i));
        }
        this.byDataset = Map.copyOf(grouped);
        this.tokenWeights = weights(entities);
    }

    /**
     * Name-part weights from how many entities carry each part: an inverse document frequency scaled
     * to 0.25 (in every entity) .. 1.25 (in none). What kind of part it is (a generic word, a
     * particle) the name itself says (see {@code PartKind}).
     */
    private static TokenWeights weights(List<Indexed> entities) {
        Map<String, Integer> frequency = new HashMap<>();
        for (Indexed entity : entities) {
            Set<String> keys = new java.util.HashSet<>();
            for (NormalizedName name : entity.screened().allNames()) {
                keys.addAll(name.keys());
            }
            keys.forEach(key -> frequency.merge(key, 1, Integer::sum));
        }
        double total = Math.log1p(entities.size());
        Map<String, Double> weights = new HashMap<>(frequency.size() * 2);
        frequency.forEach((key, count) -> weights.put(key, 0.25 + Math.log1p((double) entities.size() / (count + 1)) / total));
        return key -> weights.getOrDefault(key, 1.25);
    }

    /** How much each name part says, from its frequency in this index. */
    public TokenWeights tokenWeights() {
        return tokenWeights;
    }

    /** Builds the index of the latest version of every dataset in the store. */
    public static ScreeningIndex build(StatementStore store, NameNormalizer normalizer) {
        List<DatasetVersion> versions = store.latestVersions();
        Directory directory = new ByteBuffersDirectory();
        List<Indexed> entities = new ArrayList<>();
        References.Builder references = new References.Builder();
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE).setRAMBufferSizeMB(256);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (DatasetVersion version : versions) {
                store.forEachEntity(version, (Entity entity) -> {
                    references.add(entity, version);
                    if (!ScreenedEntity.isScreenable(entity.schema())) {
                        return;
                    }
                    ScreenedEntity screened = ScreenedEntity.of(entity, normalizer);
                    if (screened.names().isEmpty() && screened.weakNames().isEmpty() && screened.identifiers().isEmpty()) {
                        return;
                    }
                    try {
                        writer.addDocument(document(entities.size(), screened, normalizer));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    entities.add(new Indexed(screened, entity.properties(), version));
                });
            }
            writer.forceMerge(1);
            writer.commit();
            return new ScreeningIndex(directory, List.copyOf(entities), versions, normalizer, references.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory screening index", e);
        }
    }

    private static Document document(int ord, ScreenedEntity entity, NameNormalizer normalizer) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORD, ord));
        doc.add(new StringField(DATASET, entity.dataset(), Field.Store.NO));
        doc.add(new StringField(KIND, kind(entity), Field.Store.NO));
        Set<String> keys = new LinkedHashSet<>();
        Set<String> sounds = new LinkedHashSet<>();
        Set<String> grams = new LinkedHashSet<>();
        for (NormalizedName name : entity.allNames()) {
            keys.addAll(searchKeys(name, normalizer));
            name.phonetics().stream().filter(code -> !code.isEmpty()).forEach(sounds::add);
            name.keys().forEach(key -> grams.addAll(trigrams(key)));
        }
        keys.forEach(key -> doc.add(new StringField(KEY, key, Field.Store.NO)));
        sounds.forEach(code -> doc.add(new StringField(PHONETIC, code, Field.Store.NO)));
        grams.forEach(gram -> doc.add(new StringField(GRAM, gram, Field.Store.NO)));
        entity.identifiers().forEach(id -> doc.add(new StringField(IDENTIFIER, id, Field.Store.NO)));
        return doc;
    }

    /**
     * The terms a name is found by: its parts' romanisation keys; the name written as one word, with
     * its legal form glued on too (Rosoboronexport finds Ros Oboron Export, RheinmetallAG finds
     * Rheinmetall AG); the initials of an organisation's name (NUDT finds National University of
     * Defense Technology); and the group of a given name (Bill finds William).
     */
    private static Set<String> searchKeys(NormalizedName name, NameNormalizer normalizer) {
        Set<String> keys = new LinkedHashSet<>(name.keys());
        if (name.keys().size() > 1) {
            String joined = String.join("", name.keys());
            keys.add(joined);
            if (name.legalFormText() != null) {
                keys.add(joined + name.legalFormText());
            }
        } else if (name.keys().size() == 1 && name.legalFormText() != null) {
            keys.add(name.keys().getFirst() + name.legalFormText());
        }
        if (name.kinds().stream().anyMatch(kind -> kind == PartKind.GENERIC || kind == PartKind.STOP)) {
            StringBuilder initials = new StringBuilder();
            for (int i = 0; i < name.tokens().size(); i++) {
                if (name.kinds().get(i) != PartKind.STOP) {
                    initials.append(name.tokens().get(i).charAt(0));
                }
            }
            if (initials.length() >= 2) {
                keys.add(initials.toString());
            }
        }
        for (String key : name.keys()) {
            String group = normalizer.givenNameGroup(key);
            if (group != null) {
                keys.add(group);
            }
        }
        return keys;
    }

    /** Person, organisation or other: the coarse kind that filters candidates before scoring. */
    private static String kind(ScreenedEntity entity) {
        return switch (ScreenedEntity.nameKind(entity.schema())) {
            case PERSON -> "person";
            case ORGANISATION -> "organisation";
            case OBJECT -> "object";
            case UNKNOWN -> ScreenedEntity.isA(entity.schema(), "LegalEntity") ? "party" : "object";
        };
    }

    static List<String> trigrams(String key) {
        String padded = "$" + key + "$";
        List<String> grams = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }

    /**
     * The candidates for a query within datasets (empty: all), best first by the candidate query, at
     * most {@code limit}.
     */
    public List<Indexed> candidates(ScreenedEntity query, Set<String> datasets, int limit) {
        BooleanQuery.Builder names = new BooleanQuery.Builder();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> sounds = new LinkedHashSet<>();
        Set<String> grams = new LinkedHashSet<>();
        for (NormalizedName name : query.allNames()) {
            keys.addAll(searchKeys(name, normalizer));
            name.phonetics().stream().filter(code -> !code.isEmpty()).forEach(sounds::add);
            name.keys().forEach(key -> grams.addAll(trigrams(key)));
        }
        keys.forEach(key -> names.add(new BoostQuery(new TermQuery(new Term(KEY, key)), 3f), Occur.SHOULD));
        sounds.forEach(code -> names.add(new TermQuery(new Term(PHONETIC, code)), Occur.SHOULD));
        grams.stream().limit(MAX_GRAM_CLAUSES).forEach(gram -> names.add(new BoostQuery(new TermQuery(new Term(GRAM, gram)), 0.5f), Occur.SHOULD));
        query.identifiers().forEach(id -> names.add(new BoostQuery(new TermQuery(new Term(IDENTIFIER, id)), 20f), Occur.SHOULD));
        BooleanQuery.Builder full = new BooleanQuery.Builder().add(names.build(), Occur.MUST);
        if (!datasets.isEmpty()) {
            full.add(new TermInSetQuery(DATASET, datasets.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        List<String> kinds = compatibleKinds(query);
        if (!kinds.isEmpty()) {
            full.add(new TermInSetQuery(KIND, kinds.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        try {
            TopDocs top = searcher.search(full.build(), limit);
            List<Indexed> found = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                found.add(entities.get(ordOf(hit.doc)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot search the in-memory screening index", e);
        }
    }

    /** The kinds a query may match: a person never an organisation, a vessel never a person. */
    private static List<String> compatibleKinds(ScreenedEntity query) {
        return switch (ScreenedEntity.nameKind(query.schema())) {
            case PERSON -> List.of("person", "party");
            case ORGANISATION -> List.of("organisation", "party");
            case OBJECT -> List.of("object");
            case UNKNOWN -> ScreenedEntity.isA(query.schema(), "LegalEntity") && !query.schema().getName().equals("LegalEntity")
                    ? List.of("person", "organisation", "party") : List.of();
        };
    }

    private int ordOf(int doc) throws IOException {
        var leaves = reader.leaves();
        var leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        LeafReader leafReader = leaf.reader();
        NumericDocValues values = leafReader.getNumericDocValues(ORD);
        int local = doc - leaf.docBase;
        if (values == null || !values.advanceExact(local)) {
            throw new IllegalStateException("screening index document " + doc + " has no ordinal");
        }
        return (int) values.longValue();
    }

    public java.util.Optional<Indexed> get(String entityId) {
        Integer ord = byId.get(entityId);
        return ord == null ? java.util.Optional.empty() : java.util.Optional.of(entities.get(ord));
    }

    /** Every indexed entity of one dataset, in import order. */
    public List<Indexed> entitiesOf(String dataset) {
        return byDataset.getOrDefault(dataset, List.of());
    }

    /** How many entities the datasets hold (empty: all). */
    public int size(Set<String> datasets) {
        return datasets.isEmpty() ? entities.size() : datasets.stream().mapToInt(dataset -> entitiesOf(dataset).size()).sum();
    }

    /**
     * Every entity of the datasets whose kind a query may match (see {@link #candidates}), for scopes
     * small enough to score whole: no candidate is then missed for sharing no search term.
     */
    public List<Indexed> all(ScreenedEntity query, Set<String> datasets) {
        List<String> kinds = compatibleKinds(query);
        List<Indexed> out = new ArrayList<>();
        for (String dataset : datasets.isEmpty() ? byDataset.keySet() : datasets) {
            for (Indexed entity : entitiesOf(dataset)) {
                if (kinds.isEmpty() || kinds.contains(kind(entity.screened()))) {
                    out.add(entity);
                }
            }
        }
        return out;
    }

    /** Which entities of the indexed versions point at which: a listed party's sanctions and relations. */
    public References references() {
        return references;
    }

    /** The dataset versions the index was built from. */
    public List<DatasetVersion> versions() {
        return versions;
    }

    public int size() {
        return entities.size();
    }

    public NameNormalizer normalizer() {
        return normalizer;
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            // an in-memory index: nothing to lose
        }
    }
}
