package org.convergence.screening.names;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.ibm.icu.text.Normalizer2;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's name dictionaries, read from the YAML files beside this class: legal forms across
 * languages ({@code legal-forms.yaml}); institution words that are translated, generic words, stop
 * words and numbers ({@code organisation-words.yaml}); the titles, particles and patronymic endings of
 * person names ({@code person-name-parts.yaml}); the Latin spellings of Korean surnames
 * ({@code korean-surnames.yaml}); and given names with their short forms ({@code given-names.yaml}).
 */
final class NameDictionaries {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

    /** A legal form as the words a name writes it in, and its comparison form. */
    record LegalFormWords(List<String> words, String form) {}

    /** Legal forms written in spaced scripts, by their first word, longest first. */
    final Map<String, List<LegalFormWords>> legalFormsByFirstWord;
    /** Legal forms written in Chinese or Japanese (no spaces: found at the end or start of a word), longest first. */
    final List<Map.Entry<String, String>> cjkLegalForms;
    final Map<String, List<String>> chineseWords;
    final int longestChineseWord;
    final Map<String, List<String>> russianWords;
    final Map<String, List<String>> englishWords;
    /** Korean surname syllables to their usual Latin spelling. */
    final Map<String, String> koreanSurnames;
    /** Latin spellings of Korean surnames to the usual one (pak and bak to park). */
    final Map<String, String> koreanSurnameSpellings;
    /** Titles and suffixes written with person names (dr, jr, sheikh ...). */
    final Set<String> personTitles;
    /** Particles of person names (bin, al, von ...). */
    final Set<String> particles;
    /** Particles that say "son of" or "daughter of" (bin, ibn, bint ...). */
    final Set<String> ancestryMarkers;
    /** Endings of patronymics (ovich, ovna, ogly ...). */
    final List<String> patronymicEndings;
    /** Comparison words that say what kind of organisation, or where (university, company, china ...). */
    final Set<String> genericWords;
    /** Comparison words for an institution of learning or research, which names swap (university, institute, academy ...). */
    final Set<String> institutionWords;
    /** Comparison words that only join others (of, the, and ...). */
    final Set<String> stopWords;
    /** Number words, ordinals and Roman numerals to their digits. */
    final Map<String, String> numbers;
    /** For the romanisation key of a given name or a short form of one, the groups it belongs to (William: william, bill, will ...). */
    final Map<String, int[]> givenNameGroups;

    private record LegalForm(String form, List<String> variants) {}

    private record OrganisationWords(Map<String, List<String>> chinese, Map<String, List<String>> russian, Map<String, List<String>> english,
            List<String> generic, List<String> institutions, List<String> stop, Map<String, String> numbers) {}

    private record PersonNameParts(List<String> titles, List<String> particles, @JsonProperty("ancestry_markers") List<String> ancestryMarkers,
            @JsonProperty("patronymic_endings") List<String> patronymicEndings) {}

    private record GivenNameGroup(String source, List<String> names) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record GivenNames(List<GivenNameGroup> groups) {}

    private record KoreanSurnames(Map<String, String> surnames, Map<String, String> spellings) {}

    NameDictionaries() {
        List<LegalForm> forms = read("legal-forms.yaml", new TypeReference<>() {});
        Map<String, List<LegalFormWords>> byFirstWord = new HashMap<>();
        Map<String, String> cjk = new HashMap<>();
        for (LegalForm form : forms) {
            for (String variant : form.variants()) {
                String folded = FOLD.normalize(variant);
                if (isCjk(folded)) {
                    cjk.putIfAbsent(folded, form.form());
                    continue;
                }
                List<String> words = Words.split(folded);
                if (!words.isEmpty()) {
                    byFirstWord.computeIfAbsent(words.getFirst(), w -> new java.util.ArrayList<>()).add(new LegalFormWords(words, form.form()));
                }
            }
        }
        byFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((LegalFormWords l) -> l.words().size()).reversed()));
        this.legalFormsByFirstWord = Map.copyOf(byFirstWord);
        this.cjkLegalForms = cjk.entrySet().stream().sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed())
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        OrganisationWords words = read("organisation-words.yaml", new TypeReference<>() {});
        this.chineseWords = Map.copyOf(words.chinese());
        this.longestChineseWord = chineseWords.keySet().stream().mapToInt(String::length).max().orElse(1);
        this.russianWords = fold(words.russian());
        this.englishWords = fold(words.english());
        this.genericWords = Set.copyOf(words.generic());
        this.institutionWords = Set.copyOf(words.institutions());
        this.stopWords = Set.copyOf(words.stop());
        this.numbers = Map.copyOf(words.numbers());
        KoreanSurnames korean = read("korean-surnames.yaml", new TypeReference<>() {});
        this.koreanSurnames = Map.copyOf(korean.surnames());
        this.koreanSurnameSpellings = Map.copyOf(korean.spellings());
        PersonNameParts parts = read("person-name-parts.yaml", new TypeReference<>() {});
        this.personTitles = parts.titles().stream().map(FOLD::normalize).collect(Collectors.toUnmodifiableSet());
        this.particles = Set.copyOf(parts.particles());
        this.ancestryMarkers = Set.copyOf(parts.ancestryMarkers());
        this.patronymicEndings = List.copyOf(parts.patronymicEndings());
        GivenNames given = read("given-names.yaml", new TypeReference<>() {});
        Map<String, Set<Integer>> groups = new HashMap<>();
        for (int group = 0; group < given.groups().size(); group++) {
            for (String name : given.groups().get(group).names()) {
                groups.computeIfAbsent(RomanisationKey.of(name), key -> new java.util.TreeSet<>()).add(group);
            }
        }
        Map<String, int[]> byKey = new HashMap<>(groups.size() * 2);
        groups.forEach((key, ids) -> byKey.put(key, ids.stream().mapToInt(Integer::intValue).toArray()));
        this.givenNameGroups = Map.copyOf(byKey);
    }

    private static Map<String, List<String>> fold(Map<String, List<String>> words) {
        Map<String, List<String>> folded = new HashMap<>();
        words.forEach((word, meaning) -> folded.put(FOLD.normalize(word), List.copyOf(meaning)));
        return Map.copyOf(folded);
    }

    static boolean isCjk(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = NameDictionaries.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(resource + " is part of the build and must be readable: " + e.getMessage(), e);
        }
    }
}
