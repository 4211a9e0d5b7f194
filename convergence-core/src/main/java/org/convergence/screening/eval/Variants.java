package org.convergence.screening.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.screening.ScreeningIndex;
import org.convergence.screening.ScreeningIndex.Indexed;
import org.convergence.screening.Screener;
import org.convergence.screening.eval.LabelledCase.Pair;
import org.convergence.screening.eval.LabelledSets.Loaded;
import org.convergence.screening.names.NameNormalizer;

/**
 * Variants of real listed names, generated the ways names vary in what screening receives, and
 * hard negatives generated the ways different parties' names come close: each a query against the
 * name as listed. Three sets, so that leaving one out shows whether what the model learnt of the
 * others carries over:
 * <ul>
 *   <li>{@link #SPELLING}: a typo (a letter dropped, added, changed or two swapped), a digit for the
 *       letter it looks like, a Cyrillic letter that looks Latin, an invisible character.</li>
 *   <li>{@link #FORM}: the parts reordered, a title added, a given name cut to its initial, a
 *       middle name or patronymic left out, two words joined or one split, words abbreviated
 *       (International, Intl), the legal form written out or shortened, an organisation by its
 *       acronym, a number written as a word, a vessel's MV prefix.</li>
 *   <li>{@link #HARD_NEGATIVES}: the names around "bin" swapped (father and son), one syllable of a
 *       short Chinese or Korean name changed, another legal form, another number, another given or
 *       family name.</li>
 * </ul>
 * Names are chosen by a hash of the entity id and each variant by a random generator seeded by the
 * name, so the sets are the same on every run over the same lists.
 */
public final class Variants {
    public static final String SPELLING = "generated: spelling";
    public static final String FORM = "generated: form";
    public static final String HARD_NEGATIVES = "generated: hard negatives";
    /** A change of form and a change of spelling together (a patronymic left out and a typo), as real queries often carry more than one. */
    public static final String TWO_CHANGES = "generated: form and spelling";
    /** Every name of the sample with one letter replaced by a Cyrillic or Greek look-alike, screened against its list. */
    public static final String LOOK_ALIKES = "generated: look-alike letter, against the list";

    private static final List<String> SOURCES = List.of("un-sc", "us-ofac-sdn", "ca-sema", "gb-fcdo", "us-ofac-cons", "us-csl", "us-bis-dpl",
            "ca-nro", "aspi-unitracker");
    private static final String[][] LOOK_ALIKE_DIGITS = {{"o", "0"}, {"i", "1"}, {"l", "1"}, {"e", "3"}, {"s", "5"}, {"a", "4"}};
    private static final String[][] LOOK_ALIKE_LETTERS = {{"a", "а"}, {"e", "е"}, {"o", "о"}, {"p", "р"}, {"c", "с"}, {"x", "х"}, {"y", "у"},
            {"i", "і"}, {"A", "А"}, {"E", "Е"}, {"O", "О"}, {"P", "Р"}, {"C", "С"}, {"H", "Н"}, {"K", "К"}, {"M", "М"}, {"T", "Т"}, {"B", "В"}};
    private static final List<String> INVISIBLE = List.of("\u200B", "\u00AD", "\u200D", "\u0007", "\u001B[0m");
    private static final List<String> TITLES = List.of("Mr", "Dr.", "Sheikh", "General", "Prof.", "Mrs", "Colonel");
    private static final String[][] ABBREVIATIONS = {{"International", "Intl"}, {"University", "Univ."}, {"Company", "Co."},
            {"Corporation", "Corp."}, {"Institute", "Inst."}, {"National", "Natl"}, {"Limited", "Ltd"}, {"Laboratory", "Lab"},
            {"Association", "Assn"}, {"Department", "Dept"}, {"Technology", "Tech"}, {"Manufacturing", "Mfg"}};
    /** Legal forms written out and shortened, each pair the same form. */
    private static final String[][] SAME_FORM = {{"Limited Liability Company", "LLC"}, {"LLC", "Limited Liability Company"}, {"Limited", "Ltd"},
            {"Ltd", "Limited"}, {"Incorporated", "Inc"}, {"Inc", "Incorporated"}, {"Corporation", "Corp"}, {"Joint Stock Company", "JSC"},
            {"JSC", "Joint Stock Company"}, {"OOO", "LLC"}, {"AO", "JSC"}, {"GmbH", "Gesellschaft mit beschraenkter Haftung"}};
    /** Legal forms of other kinds: a company and another of the same name and another form are two legal persons. */
    private static final String[][] OTHER_FORM = {{"LLC", "JSC"}, {"JSC", "LLC"}, {"Limited", "AG"}, {"Ltd", "SA"}, {"AG", "GmbH"},
            {"GmbH", "AG"}, {"OOO", "AO"}, {"AO", "OOO"}, {"PJSC", "LLC"}, {"OJSC", "LLC"}, {"CJSC", "Ltd"}, {"Inc", "GmbH"}};
    private static final Pattern LEGAL_FORM = Pattern.compile("\\b(Limited Liability Company|Joint Stock Company|LLC|Ltd|Limited|Incorporated|Inc"
            + "|Corporation|Corp|JSC|PJSC|OJSC|CJSC|OOO|AO|GmbH|AG)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\b([1-9]|1[0-9]|20)\\b");
    private static final String[] ORDINALS = {"", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
            "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth"};
    /** Surnames of China and Korea, to know a name of short syllables when one is met. */
    private static final List<String> EAST_ASIAN_SURNAMES = List.of("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou",
            "xu", "sun", "ma", "zhu", "hu", "guo", "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng",
            "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding",
            "kim", "lee", "park", "pak", "choi", "jung", "kang", "cho", "yoon", "jang", "lim", "ri", "ryu", "jon", "kil", "ju");
    private static final List<String> SYLLABLES = List.of("wei", "wen", "jun", "jin", "ming", "min", "hua", "hui", "qiang", "qing", "yong", "yang",
            "jie", "jian", "lin", "ling", "hong", "hao", "bo", "bin", "tao", "ting", "fang", "feng", "chol", "chun", "song", "sung", "ho", "hyun",
            "il", "un", "nam", "man", "su", "sik", "gang", "guang", "xin", "xiu");
    private static final List<String> GIVEN_NAMES = List.of("John", "Ahmed", "Ivan", "Maria", "Peter", "David", "Omar", "Yusuf", "Sergei", "Elena",
            "Olga", "Hassan", "Mikhail", "Pavel", "Karim", "Ali", "Samuel", "Anna", "Viktor", "Nikolai", "Fatima", "Igor", "Tariq", "Boris");
    private static final List<String> FAMILY_NAMES = List.of("Petrov", "Ivanov", "Smith", "Khan", "Hassan", "Sokolov", "Novak", "Haddad",
            "Morozov", "Volkov", "Rahman", "Kuznetsov", "Popov", "Lebedev", "Kovalenko", "Rashid");

    private final ScreeningIndex index;

    public Variants(ScreeningIndex index) {
        this.index = index;
    }

    /** A listed name, the schema and id of its party, its list, and the generator seeded by it. */
    private record Source(String name, String schema, String id, String dataset, Random random) {
        Source with(Random random) {
            return new Source(name, schema, id, dataset, random);
        }
    }

    /** A family of variants: what it does to a name, or null where it does not apply. */
    private record Family(String name, Function<Source, String> vary) {}

    private static final List<Family> SPELLING_FAMILIES = List.of(new Family("typo", Variants::typo), new Family("digit", Variants::digit),
            new Family("look-alike letter", Variants::lookAlike), new Family("invisible character", Variants::invisible));
    private static final List<Family> FORM_FAMILIES = List.of(new Family("reordered", Variants::reordered), new Family("title", Variants::title),
            new Family("initial", Variants::initial), new Family("middle left out", Variants::middleLeftOut),
            new Family("joined or split", Variants::joinedOrSplit), new Family("abbreviated", Variants::abbreviated),
            new Family("legal form", Variants::sameForm), new Family("acronym", Variants::acronym), new Family("number word", Variants::numberWord),
            new Family("vessel prefix", Variants::vesselPrefix));
    private static final List<Family> NEGATIVE_FAMILIES = List.of(new Family("bin swapped", Variants::binSwapped),
            new Family("syllable", Variants::syllable), new Family("other legal form", Variants::otherForm),
            new Family("other number", Variants::otherNumber), new Family("other given name", Variants::otherGivenName),
            new Family("other family name", Variants::otherFamilyName));

    /** The three sets, from at most {@code perList} names of each list in the index, and the look-alike set. */
    public List<Loaded> generate(int perList) {
        List<Source> sources = sources(perList);
        return List.of(set(SPELLING, SPELLING_FAMILIES, sources, true), set(FORM, FORM_FAMILIES, sources, true), twoChanges(sources),
                set(HARD_NEGATIVES, NEGATIVE_FAMILIES, sources, false), lookAlikes(sources));
    }

    /** Each name with one change of form, then a typo in the result. */
    private Loaded twoChanges(List<Source> sources) {
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (Source source : sources) {
            Random random = new Random(ListPairs.hash(TWO_CHANGES + source.name()));
            List<String> forms = new ArrayList<>();
            for (Family family : FORM_FAMILIES) {
                String form = family.vary().apply(source.with(new Random(random.nextLong())));
                if (form != null && !form.equals(source.name()) && !family.name().equals("acronym")) {
                    forms.add(form);
                }
            }
            String varied = forms.isEmpty() ? null : typo(new Source(forms.get(random.nextInt(forms.size())), source.schema(), source.id(),
                    source.dataset(), new Random(random.nextLong())));
            if (varied == null) {
                leftOut++;
                continue;
            }
            int row = cases.size() + 1;
            cases.add(new LabelledCase(TWO_CHANGES, row, new Screener.Query("row-" + row, source.schema(), Map.of("name", List.of(varied))), "all",
                    new Pair(source.schema(), Map.of("name", List.of(source.name())), true)));
        }
        return new Loaded(TWO_CHANGES, cases, leftOut, "names no change of form, or no typo, applies to");
    }

    /**
     * Each name with one of its Latin letters replaced by the Cyrillic or Greek letter it looks like
     * (Rоsoboronexport with a Cyrillic о), screened as a query against the party's own list: the party
     * must still be found and matched.
     */
    private Loaded lookAlikes(List<Source> sources) {
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (Source source : sources) {
            String variant = lookAlike(source.with(new Random(ListPairs.hash(LOOK_ALIKES + source.name()))));
            if (variant == null) {
                leftOut++;
                continue;
            }
            int row = cases.size() + 1;
            cases.add(new LabelledCase(LOOK_ALIKES, row, new Screener.Query("row-" + row, source.schema(), Map.of("name", List.of(variant))),
                    source.dataset(), new LabelledCase.Finds(source.id(), false)));
        }
        return new Loaded(LOOK_ALIKES, cases, leftOut, "names with no letter that has a look-alike");
    }

    private Loaded set(String set, List<Family> families, List<Source> sources, boolean match) {
        List<LabelledCase> cases = new ArrayList<>();
        int leftOut = 0;
        for (Source source : sources) {
            Random random = new Random(ListPairs.hash(set + source.name()));
            List<String> variants = new ArrayList<>();
            for (Family family : families) {
                String variant = family.vary().apply(source.with(new Random(random.nextLong())));
                if (variant != null && !variant.equals(source.name())) {
                    variants.add(variant);
                }
            }
            if (variants.isEmpty()) {
                leftOut++;
                continue;
            }
            String variant = variants.get(random.nextInt(variants.size()));
            int row = cases.size() + 1;
            cases.add(new LabelledCase(set, row, new Screener.Query("row-" + row, source.schema(), Map.of("name", List.of(variant))), "all",
                    new Pair(source.schema(), Map.of("name", List.of(source.name())), match)));
        }
        return new Loaded(set, cases, leftOut, "names no family of the set applies to");
    }

    private List<Source> sources(int perList) {
        List<Source> sources = new ArrayList<>();
        for (String dataset : SOURCES) {
            index.entitiesOf(dataset).stream().sorted(Comparator.comparingLong(entity -> ListPairs.hash("variants" + entity.screened().id())))
                    .map(Variants::latinName).filter(source -> source != null).limit(perList).forEach(sources::add);
        }
        return sources;
    }

    /** An entity's first name written in Latin letters, with its schema; null when it has none. */
    private static Source latinName(Indexed entity) {
        for (String name : entity.properties().getOrDefault("name", List.of())) {
            if (NameNormalizer.scriptOf(name) == Character.UnicodeScript.LATIN && name.length() <= 80) {
                return new Source(name.strip(), entity.screened().schema().getName(), entity.screened().id(), entity.screened().dataset(), null);
            }
        }
        return null;
    }

    private static boolean person(Source source) {
        return source.schema().equals("Person");
    }

    private static boolean organisation(Source source) {
        return !person(source) && !vessel(source);
    }

    private static boolean vessel(Source source) {
        return source.schema().equals("Vessel") || source.schema().equals("Airplane");
    }

    private static List<String> words(String name) {
        return List.of(name.replace(",", " ").strip().split("\\s+"));
    }

    /** The index of the longest word of at least {@code min} letters, or -1. */
    private static int longest(List<String> words, int min) {
        int best = -1;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).chars().allMatch(Character::isLetter) && words.get(i).length() >= min
                    && (best < 0 || words.get(i).length() > words.get(best).length())) {
                best = i;
            }
        }
        return best;
    }

    private static String replaceWord(List<String> words, int i, String word) {
        List<String> out = new ArrayList<>(words);
        out.set(i, word);
        return String.join(" ", out);
    }

    // --- spelling --------------------------------------------------------------------------------

    static String typo(Source source) {
        List<String> words = words(source.name());
        int i = longest(words, 6);
        if (i < 0) {
            return null;
        }
        String word = words.get(i);
        Random random = source.random();
        int at = 1 + random.nextInt(word.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        letter = Character.isUpperCase(word.charAt(at)) ? Character.toUpperCase(letter) : letter;
        String typo = switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + letter + word.substring(at);
            case 2 -> word.substring(0, at) + letter + word.substring(at + 1);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
        return replaceWord(words, i, typo);
    }

    static String digit(Source source) {
        return replaceOne(source, LOOK_ALIKE_DIGITS, true);
    }

    static String lookAlike(Source source) {
        return replaceOne(source, LOOK_ALIKE_LETTERS, false);
    }

    /** One letter, inside a word, replaced by its look-alike. */
    private static String replaceOne(Source source, String[][] pairs, boolean ignoreCase) {
        String name = source.name();
        List<int[]> places = new ArrayList<>();
        for (int at = 1; at < name.length() - 1; at++) {
            for (int k = 0; k < pairs.length; k++) {
                String c = String.valueOf(name.charAt(at));
                if ((ignoreCase ? c.toLowerCase(Locale.ROOT) : c).equals(pairs[k][0]) && Character.isLetter(name.charAt(at - 1))) {
                    places.add(new int[] {at, k});
                }
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        int[] place = places.get(source.random().nextInt(places.size()));
        return name.substring(0, place[0]) + pairs[place[1]][1] + name.substring(place[0] + 1);
    }

    static String invisible(Source source) {
        String name = source.name();
        List<Integer> inside = new ArrayList<>();
        for (int at = 1; at < name.length(); at++) {
            if (Character.isLetter(name.charAt(at - 1)) && Character.isLetter(name.charAt(at))) {
                inside.add(at);
            }
        }
        if (inside.isEmpty()) {
            return null;
        }
        int at = inside.get(source.random().nextInt(inside.size()));
        return name.substring(0, at) + INVISIBLE.get(source.random().nextInt(INVISIBLE.size())) + name.substring(at);
    }

    // --- form ------------------------------------------------------------------------------------

    static String reordered(Source source) {
        if (!person(source)) {
            return null;
        }
        if (source.name().contains(",")) {
            String[] parts = source.name().split(",", 2);
            return parts[1].strip() + " " + parts[0].strip();
        }
        List<String> words = words(source.name());
        if (words.size() < 2) {
            return null;
        }
        return words.getLast().toUpperCase(Locale.ROOT) + ", " + String.join(" ", words.subList(0, words.size() - 1));
    }

    static String title(Source source) {
        return person(source) ? TITLES.get(source.random().nextInt(TITLES.size())) + " " + source.name() : null;
    }

    static String initial(Source source) {
        List<String> words = words(source.name());
        if (!person(source) || words.size() < 3 || source.name().contains(",")) {
            return null;
        }
        return replaceWord(words, 0, words.getFirst().charAt(0) + ".");
    }

    static String middleLeftOut(Source source) {
        List<String> words = words(source.name());
        if (!person(source) || words.size() < 3) {
            return null;
        }
        List<String> out = new ArrayList<>(words);
        out.remove(1 + source.random().nextInt(words.size() - 2));
        return String.join(" ", out);
    }

    static String joinedOrSplit(Source source) {
        List<String> words = words(source.name());
        int long_ = longest(words, 8);
        if (long_ >= 0 && source.random().nextBoolean()) {
            String word = words.get(long_);
            int at = 3 + source.random().nextInt(word.length() - 5);
            return replaceWord(words, long_, word.substring(0, at) + " " + word.substring(at));
        }
        if (words.size() < 2) {
            return null;
        }
        int at = source.random().nextInt(words.size() - 1);
        List<String> out = new ArrayList<>(words);
        out.set(at, words.get(at) + words.get(at + 1));
        out.remove(at + 1);
        return String.join(" ", out);
    }

    static String abbreviated(Source source) {
        if (!organisation(source)) {
            return null;
        }
        for (String[] abbreviation : ABBREVIATIONS) {
            Matcher word = Pattern.compile("\\b" + abbreviation[0] + "\\b", Pattern.CASE_INSENSITIVE).matcher(source.name());
            if (word.find()) {
                return word.replaceFirst(abbreviation[1]);
            }
        }
        return null;
    }

    static String sameForm(Source source) {
        return organisation(source) ? replaceForm(source.name(), SAME_FORM) : null;
    }

    private static String replaceForm(String name, String[][] forms) {
        Matcher form = LEGAL_FORM.matcher(name);
        if (!form.find()) {
            return null;
        }
        for (String[] pair : forms) {
            if (pair[0].equalsIgnoreCase(form.group(1))) {
                return name.substring(0, form.start(1)) + pair[1] + name.substring(form.end(1));
            }
        }
        return null;
    }

    static String acronym(Source source) {
        if (!organisation(source)) {
            return null;
        }
        StringBuilder initials = new StringBuilder();
        String withoutAside = source.name().replaceAll("\\([^)]*\\)", " ");
        for (String word : words(LEGAL_FORM.matcher(withoutAside).replaceAll(" ").replaceAll("[^\\p{L}\\p{N} ]", " "))) {
            if (!word.isEmpty() && !List.of("of", "the", "and", "for", "de").contains(word.toLowerCase(Locale.ROOT))) {
                initials.append(Character.toUpperCase(word.charAt(0)));
            }
        }
        return initials.length() >= 3 && initials.length() <= 8 ? initials.toString() : null;
    }

    static String numberWord(Source source) {
        Matcher number = NUMBER.matcher(source.name());
        if (person(source) || !number.find()) {
            return null;
        }
        int n = Integer.parseInt(number.group(1));
        String word = source.random().nextBoolean() ? ORDINALS[n] : n + (n == 1 ? "st" : n == 2 ? "nd" : n == 3 ? "rd" : "th");
        return source.name().substring(0, number.start(1)) + word + source.name().substring(number.end(1));
    }

    static String vesselPrefix(Source source) {
        return vessel(source) && source.schema().equals("Vessel") ? (source.random().nextBoolean() ? "MV " : "M/T ") + source.name() : null;
    }

    // --- hard negatives ----------------------------------------------------------------------------

    static String binSwapped(Source source) {
        List<String> words = words(source.name());
        for (int i = 1; i < words.size() - 1; i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (person(source) && (word.equals("bin") || word.equals("ibn") || word.equals("ben"))) {
                List<String> out = new ArrayList<>(words);
                out.set(i - 1, words.get(i + 1));
                out.set(i + 1, words.get(i - 1));
                return String.join(" ", out);
            }
        }
        return null;
    }

    static String syllable(Source source) {
        List<String> words = words(source.name());
        if (!person(source) || words.size() < 2 || words.size() > 4
                || words.stream().noneMatch(word -> EAST_ASIAN_SURNAMES.contains(word.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        List<Integer> given = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            if (!EAST_ASIAN_SURNAMES.contains(word) && SYLLABLES.contains(word)) {
                given.add(i);
            }
        }
        if (given.isEmpty()) {
            return null;
        }
        int i = given.get(source.random().nextInt(given.size()));
        String old = words.get(i).toLowerCase(Locale.ROOT);
        String next;
        do {
            next = SYLLABLES.get(source.random().nextInt(SYLLABLES.size()));
        } while (next.equals(old));
        String cased = Character.isUpperCase(words.get(i).charAt(words.get(i).length() - 1)) ? next.toUpperCase(Locale.ROOT)
                : Character.toUpperCase(next.charAt(0)) + next.substring(1);
        return replaceWord(words, i, cased);
    }

    static String otherForm(Source source) {
        return organisation(source) ? replaceForm(source.name(), OTHER_FORM) : null;
    }

    static String otherNumber(Source source) {
        Matcher number = NUMBER.matcher(source.name());
        if (person(source) || !number.find()) {
            return null;
        }
        int n = Integer.parseInt(number.group(1));
        return source.name().substring(0, number.start(1)) + (n + 1 + source.random().nextInt(3)) + source.name().substring(number.end(1));
    }

    static String otherGivenName(Source source) {
        List<String> words = words(source.name());
        if (!person(source) || words.size() < 2) {
            return null;
        }
        int given = source.name().contains(",") ? words.size() - 1 : 0;
        String other = pick(GIVEN_NAMES, words.get(given), source.random());
        return replaceWord(words, given, other);
    }

    static String otherFamilyName(Source source) {
        List<String> words = words(source.name());
        if (!person(source) || words.size() < 2) {
            return null;
        }
        int family = source.name().contains(",") ? 0 : words.size() - 1;
        return replaceWord(words, family, pick(FAMILY_NAMES, words.get(family), source.random()));
    }

    /** A name from the list that is not the one replaced, nor a spelling of it (Omar for Umar). */
    private static String pick(List<String> names, String replaced, Random random) {
        String name;
        do {
            name = names.get(random.nextInt(names.size()));
        } while (org.convergence.screening.compare.PartSimilarity.spelling(name.toLowerCase(Locale.ROOT), replaced.toLowerCase(Locale.ROOT)) > 0
                || name.equalsIgnoreCase(replaced) || name.substring(0, 2).equalsIgnoreCase(replaced.substring(0, Math.min(2, replaced.length()))));
        return Character.isUpperCase(replaced.charAt(replaced.length() - 1)) && replaced.length() > 1 ? name.toUpperCase(Locale.ROOT) : name;
    }
}
