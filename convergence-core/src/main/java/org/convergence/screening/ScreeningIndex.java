package org.convergence.screening;

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
        for (int i = 0; i < entities.size(); i++) {
            byId.putIfAbsent(entities.get(i).screened().id(), i);
        }
        this.tokenWeights = weights(entities, normalizer);
    }

    /**
     * Name-part weights from how many entities carry each part: an inverse document frequency scaled
     * to 0.25 (in every entity) .. 1.25 (in none), times 0.2 for the weak words of the dictionary.
     */
    private static TokenWeights weights(List<Indexed> entities, NameNormalizer normalizer) {
        Map<String, Integer> frequency = new HashMap<>();
        Set<String> weak = new java.util.HashSet<>();
        for (Indexed entity : entities) {
            Set<String> keys = new java.util.HashSet<>();
            for (NormalizedName name : entity.screened().allNames()) {
                keys.addAll(name.keys());
                for (int i = 0; i < name.tokens().size(); i++) {
                    if (normalizer.isWeakWord(name.tokens().get(i))) {
                        weak.add(name.keys().get(i));
                    }
                }
            }
            keys.forEach(key -> frequency.merge(key, 1, Integer::sum));
        }
        double total = Math.log1p(entities.size());
        Map<String, Double> weights = new HashMap<>(frequency.size() * 2);
        frequency.forEach((key, count) -> weights.put(key,
                (0.25 + Math.log1p((double) entities.size() / (count + 1)) / total) * (weak.contains(key) ? 0.2 : 1)));
        return key -> {
            Double weight = weights.get(key);
            return weight != null ? weight : normalizer.isWeakWord(key) ? 0.25 : 1.25;
        };
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
                        writer.addDocument(document(entities.size(), screened));
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

    private static Document document(int ord, ScreenedEntity entity) {
        Document doc = new Document();
        doc.add(new NumericDocValuesField(ORD, ord));
        doc.add(new StringField(DATASET, entity.dataset(), Field.Store.NO));
        doc.add(new StringField(KIND, kind(entity), Field.Store.NO));
        Set<String> keys = new LinkedHashSet<>();
        Set<String> sounds = new LinkedHashSet<>();
        Set<String> grams = new LinkedHashSet<>();
        for (NormalizedName name : entity.allNames()) {
            keys.addAll(name.keys());
            name.phonetics().stream().filter(code -> !code.isEmpty()).forEach(sounds::add);
            name.keys().forEach(key -> grams.addAll(trigrams(key)));
        }
        keys.forEach(key -> doc.add(new StringField(KEY, key, Field.Store.NO)));
        sounds.forEach(code -> doc.add(new StringField(PHONETIC, code, Field.Store.NO)));
        grams.forEach(gram -> doc.add(new StringField(GRAM, gram, Field.Store.NO)));
        entity.identifiers().forEach(id -> doc.add(new StringField(IDENTIFIER, id, Field.Store.NO)));
        return doc;
    }

    /** Person, organisation or other: the coarse kind that filters candidates before scoring. */
    private static String kind(ScreenedEntity entity) {
        return switch (ScreenedEntity.nameKind(entity.schema())) {
            case PERSON -> "person";
            case ORGANISATION -> "organisation";
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
            keys.addAll(name.keys());
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
        NameKind kind = ScreenedEntity.nameKind(query.schema());
        if (kind == NameKind.PERSON) {
            return List.of("person", "party");
        }
        if (kind == NameKind.ORGANISATION) {
            return List.of("organisation", "party");
        }
        return ScreenedEntity.isA(query.schema(), "LegalEntity") && !query.schema().getName().equals("LegalEntity")
                ? List.of("person", "organisation", "party") : List.of();
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
        return entities.stream().filter(entity -> entity.screened().dataset().equals(dataset)).toList();
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
