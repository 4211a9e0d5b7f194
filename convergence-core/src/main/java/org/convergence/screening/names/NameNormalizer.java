package org.convergence.screening.names;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * Reduces a name in any script to comparison tokens: escape sequences and invisible characters
 * removed and Latin look-alikes of other scripts folded ({@link InputText}); Unicode NFKC with case
 * folding; titles left out of person names; the legal form
 * recognised (ООО, 有限公司, GmbH, LLC ... to one form) and set apart; Cyrillic transliterated by
 * BGN/PCGN, other scripts by ICU's Any-Latin, then folded to ASCII; Chinese segmented into words
 * (ICU's dictionary break iterator) and each word's pinyin syllables joined as names are written
 * (哈尔滨 → haerbin, 习近平 → xi jinping); institution words translated into English comparison
 * words (大学 → university, институт → institute) and numbers written as digits (third, 3rd → 3) for
 * organisations, vessels and aircraft; a vessel's prefix (MV, M/T) left out. Each token gets its
 * {@link PartKind}, which says how much it tells about who is meant.
 *
 * <p>Thread-safe: ICU transliterators are not, so each thread keeps its own.
 */
public final class NameNormalizer {
    /** Longer names are cut here: no real name is longer, and a 10,000-character input must stay cheap. */
    public static final int MAX_NAME_LENGTH = 300;

    private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();
    /** Stateless once configured, so shared. */
    private static final DoubleMetaphone PHONETIC = new DoubleMetaphone();
    private static final NameNormalizer STANDARD = new NameNormalizer(new NameDictionaries());

    /** A name of Chinese characters (and kana), as Japanese names are written. */
    private static final Pattern KANJI_NAME = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\s]{2,12}");
    /**
     * The nominative ending of a Greek name (-ος, -ας, -ης, -ις; case-folded, so final ς is σ), after a
     * stem of three letters or more: other languages write the stem alone or with their own ending.
     */
    private static final Pattern GREEK_CASE_ENDING = Pattern.compile("(\\p{IsGreek}{3,}?)[οόαάηήιί]σ(?!\\p{L})");

    /** Spellings of ʿabd ("servant of") joined to the article: Abdul, Abdel, Abdur ... */
    private static final List<String> ABD_WITH_ARTICLE = List.of("abdul", "abdel", "abdal", "abdol", "abdoul", "abdur", "abdus", "abdu");
    /** The article as romanisations write it after ʿabd, assimilated or not (Abd al-, Abd el-, Abd ur-, Abd as- ...). */
    private static final java.util.Set<String> ARTICLES = java.util.Set.of("al", "el", "ul", "ol", "ar", "ur", "as", "us", "ad", "an", "at", "az", "ash");

    private final NameDictionaries dictionaries;
    private final JapaneseReadings japanese = new JapaneseReadings();
    private final ThreadLocal<Transliterators> transliterators = ThreadLocal.withInitial(Transliterators::new);

    /** ICU objects that must not be shared between threads. */
    private static final class Transliterators {
        final Transliterator cyrillic = Transliterator.getInstance("Russian-Latin/BGN; Latin-ASCII");
        final Transliterator any = Transliterator.getInstance("Any-Latin; Latin-ASCII");
        final Transliterator latin = Transliterator.getInstance("Latin-ASCII");
        final Transliterator han = Transliterator.getInstance("Han-Latin; Latin-ASCII");
        final Transliterator hangul = Transliterator.getInstance("Hangul-Latin; Latin-ASCII");
        final BreakIterator chineseWords = BreakIterator.getWordInstance(ULocale.CHINESE);
    }

    private NameNormalizer(NameDictionaries dictionaries) {
        this.dictionaries = dictionaries;
    }

    /** The normaliser with the project's dictionaries. */
    public static NameNormalizer standard() {
        return STANDARD;
    }

    public NormalizedName normalize(String name, NameKind kind) {
        if (name == null || name.isBlank()) {
            return empty(name, kind);
        }
        Transliterators icu = transliterators.get();
        String text = FOLD.normalize(Words.unglue(InputText.clean(name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name,
                icu.any)));
        List<String> words = kind == NameKind.PERSON ? familyLast(text) : Words.split(text);
        if (words.isEmpty()) {
            return empty(name, kind);
        }
        String legalForm = null;
        String legalFormText = null;
        if (kind == NameKind.PERSON || kind == NameKind.UNKNOWN) {
            // a title is known as written or in Latin letters without accents (Präsident, Președintele)
            List<String> withoutTitles = words.stream().filter(word -> !dictionaries.personTitles.contains(word)
                    && (Words.isAscii(word) || !dictionaries.personTitles.contains(icu.latin.transliterate(word)))).toList();
            words = withoutTitles.isEmpty() ? words : withoutTitles;
        }
        if (kind == NameKind.OBJECT) {
            words = withoutVesselPrefix(words);
        }
        if (kind != NameKind.PERSON) {
            String[] found = new String[2];
            words = withoutLegalForms(words, found);
            legalForm = found[0];
            legalFormText = found[1] == null ? null : icu.any.transliterate(found[1]).replaceAll("[^A-Za-z0-9]", "").toLowerCase();
        }
        boolean translate = kind != NameKind.PERSON;
        List<String> tokens = new ArrayList<>();
        boolean nonLatin = false;
        boolean vowelsUnwritten = false;
        for (String word : words) {
            if (Words.isAscii(word)) {
                addLatin(kind == NameKind.PERSON ? dictionaries.koreanSurnameSpellings.getOrDefault(word, word) : word, translate, tokens);
                continue;
            }
            Character.UnicodeScript script = scriptOf(word);
            if (script == Character.UnicodeScript.HAN) {
                nonLatin = true;
                chinese(word, translate, icu, tokens);
            } else if (script == Character.UnicodeScript.HANGUL) {
                nonLatin = true;
                korean(word, kind, icu, tokens);
            } else if (script == Character.UnicodeScript.CYRILLIC) {
                nonLatin = true;
                List<String> meaning = translate ? dictionaries.russianWords.get(word) : null;
                if (meaning != null) {
                    meaning.forEach(english -> addLatin(english, true, tokens));
                } else {
                    addLatin(icu.cyrillic.transliterate(word), translate, tokens);
                }
            } else {
                nonLatin |= script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON;
                vowelsUnwritten |= script == Character.UnicodeScript.ARABIC || script == Character.UnicodeScript.HEBREW
                        || script == Character.UnicodeScript.SYRIAC || script == Character.UnicodeScript.THAI;
                addLatin((script == Character.UnicodeScript.LATIN ? icu.latin : icu.any).transliterate(word), translate, tokens);
            }
        }
        List<String> read = switch (kind) {
            case PERSON -> servantOfNames(tokens);
            case ORGANISATION, OBJECT -> numbersAsDigits(tokens);
            case UNKNOWN -> numbersAsDigits(servantOfNames(tokens));
        };
        return named(name, read, kind, legalForm, legalFormText, nonLatin, vowelsUnwritten);
    }

    /**
     * A person's name written "FAMILY, Given" (as OFAC and the UN list people) read in the order the
     * person writes it, "Given FAMILY", so that the parts around "bin" keep their roles.
     */
    private static List<String> familyLast(String text) {
        int comma = text.indexOf(',');
        if (comma < 0 || text.indexOf(',', comma + 1) >= 0) {
            return Words.split(text);
        }
        List<String> words = new ArrayList<>(Words.split(text.substring(comma + 1)));
        words.addAll(Words.split(text.substring(0, comma)));
        return words;
    }

    private static NormalizedName empty(String name, NameKind kind) {
        return new NormalizedName(name == null ? "" : name, kind, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, "", null, false,
                false);
    }

    /** Prefixes of ships' names (motor vessel, motor tanker, steamship ...), which lists and documents write or leave out. */
    private static final List<List<String>> VESSEL_PREFIXES = List.of(List.of("m", "v"), List.of("m", "t"), List.of("mv"), List.of("mt"),
            List.of("ms"), List.of("mts"), List.of("ss"), List.of("sv"), List.of("rv"), List.of("fv"), List.of("hmcs"), List.of("hms"), List.of("uss"));

    private static List<String> withoutVesselPrefix(List<String> words) {
        for (List<String> prefix : VESSEL_PREFIXES) {
            if (words.size() > prefix.size() && words.subList(0, prefix.size()).equals(prefix)) {
                return words.subList(prefix.size(), words.size());
            }
        }
        return words;
    }

    /**
     * Numbers as digits: number words and ordinals (third, 3rd, III) to 3, leading zeros dropped, and
     * a "No." or "Nr." before a number left out, so that "Plant No. 3", "Third Plant" and "3rd Plant"
     * have the same parts.
     */
    private List<String> numbersAsDigits(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            String digits = dictionaries.numbers.get(token);
            if (digits == null && token.length() > 2 && Character.isDigit(token.charAt(0))) {
                String suffix = token.substring(token.length() - 2);
                String number = token.substring(0, token.length() - 2);
                if ((suffix.equals("st") || suffix.equals("nd") || suffix.equals("rd") || suffix.equals("th")) && number.chars().allMatch(Character::isDigit)) {
                    digits = number;
                }
            }
            if (digits == null && !token.isEmpty() && token.chars().allMatch(Character::isDigit)) {
                digits = token;
            }
            out.add(digits == null ? token : withoutLeadingZeros(digits));
        }
        for (int i = out.size() - 2; i >= 0; i--) {
            String word = out.get(i);
            if ((word.equals("no") || word.equals("nr") || word.equals("number")) && isNumber(out.get(i + 1))) {
                out.remove(i);
            }
        }
        return out;
    }

    private static String withoutLeadingZeros(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        return digits.substring(start);
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    /** The kind of each token: what it says about who is meant (see {@link PartKind}). */
    private List<PartKind> kindsOf(List<String> tokens, NameKind kind) {
        List<PartKind> kinds = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            // a particle that opens a name is read as a name (Ben, Al, Le as given or family names)
            boolean particle = i > 0 && dictionaries.particles.contains(token);
            PartKind part;
            if (isNumber(token)) {
                part = PartKind.NUMBER;
            } else if (token.length() == 1) {
                part = PartKind.INITIAL;
            } else if (kind == NameKind.PERSON) {
                part = particle ? PartKind.PARTICLE : tokens.size() >= 3 && isPatronymic(token) ? PartKind.PATRONYMIC : PartKind.NAME;
            } else if (dictionaries.stopWords.contains(token)) {
                part = PartKind.STOP;
            } else if (dictionaries.genericWords.contains(token)) {
                part = PartKind.GENERIC;
            } else {
                part = kind == NameKind.UNKNOWN && particle ? PartKind.PARTICLE : PartKind.NAME;
            }
            kinds.add(part);
        }
        return kinds;
    }

    private boolean isPatronymic(String token) {
        for (String ending : dictionaries.patronymicEndings) {
            if (token.length() > ending.length() + 2 && token.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    /** True when two comparison words both name an institution of learning or research (university, institute, academy ...). */
    public boolean institutionWords(String token, String other) {
        return dictionaries.institutionWords.contains(token) && dictionaries.institutionWords.contains(other);
    }

    /** True for a particle that says "son of" or "daughter of" (bin, ibn, bint ...). */
    public boolean isAncestryMarker(String token) {
        return dictionaries.ancestryMarkers.contains(token);
    }

    /** The English comparison words of a word, also of a long word one typo away from a dictionary word; null when none. */
    private List<String> englishMeaning(String word) {
        List<String> meaning = dictionaries.englishWords.get(word);
        if (meaning != null || word.length() < 7) {
            return meaning;
        }
        for (var entry : dictionaries.englishWords.entrySet()) {
            if (entry.getKey().length() >= 7 && Words.oneEditApart(word, entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** True when two given names, or a given name and a short form of it, are one name (William, Bill; Aleksandr, Sasha), by their romanisation keys. */
    public boolean sameGivenName(String key, String otherKey) {
        int[] groups = dictionaries.givenNameGroups.get(key);
        if (groups == null) {
            return false;
        }
        int[] others = dictionaries.givenNameGroups.get(otherKey);
        if (others == null) {
            return false;
        }
        for (int group : groups) {
            for (int other : others) {
                if (group == other) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first group of a given name's key, as a token for the candidate index, or null. */
    public String givenNameGroup(String key) {
        int[] groups = dictionaries.givenNameGroups.get(key);
        return groups == null ? null : "g" + groups[0];
    }

    /**
     * Arabic names of the form ʿAbd al-X ("servant of X") in one spelling: Abdul Rahman, Abd al-Rahman,
     * Abdel Rahman, Abdurrahman and ABD RAHMAN all become abd rahman. The article is left out, because
     * romanisations write it joined, apart, assimilated or not at all. Abdullah (ʿAbd Allah) keeps its one word.
     */
    private static List<String> servantOfNames(List<String> tokens) {
        if (tokens.stream().noneMatch(token -> token.startsWith("abd"))) {
            return tokens;
        }
        List<String> out = new ArrayList<>(tokens.size() + 1);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (ABD_WITH_ARTICLE.contains(token) || token.equals("abd")) {
                out.add("abd");
                if (i + 1 < tokens.size() - 1 && ARTICLES.contains(tokens.get(i + 1))) {
                    i++;
                }
                continue;
            }
            String prefix = ABD_WITH_ARTICLE.stream().filter(token::startsWith).findFirst().orElse(null);
            String rest = prefix == null ? "" : token.substring(prefix.length());
            if (rest.length() >= 3 && !rest.startsWith("lah") && !rest.startsWith("llah") && !rest.startsWith("la")) {
                out.add("abd");
                out.add(prefix.length() == 5 && (prefix.endsWith("r") || prefix.endsWith("s")) ? prefix.charAt(4) + rest : rest);
                continue;
            }
            out.add(token);
        }
        return out;
    }

    /**
     * The name as {@link #normalize} reads it, then the other ways it may be read where its script
     * leaves a choice: a person's name in Chinese characters also as Japanese (山田太郎 → yamada taro,
     * besides the Chinese shan tian tai lang) and as Korean when it starts with a Korean surname
     * (金正恩 → 김정은 → kim jeongeun, besides jin zheng en); a Greek name also without its case ending
     * (Αλέξανδρος → alexandr, which meets Alexander, as Νικόλαος → nikola meets Nicola). Screening
     * compares every reading.
     */
    public List<NormalizedName> readings(String name, NameKind kind) {
        NormalizedName main = normalize(name, kind);
        if (main.isEmpty() || !main.nonLatin() || kind == NameKind.ORGANISATION || kind == NameKind.OBJECT) {
            return List.of(main);
        }
        List<NormalizedName> readings = new ArrayList<>(2);
        readings.add(main);
        String text = FOLD.normalize(InputText.clean(name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name,
                transliterators.get().any));
        if (KANJI_NAME.matcher(text).matches()) {
            List<String> japanese = this.japanese.personName(text);
            if (!japanese.isEmpty()) {
                readings.add(named(name, japanese, kind, null, null, true, false));
            }
            String hangul = KoreanReadings.hangul(text);
            boolean koreanName = hangul != null && hangul.length() >= 2 && hangul.length() <= 4
                    && dictionaries.koreanSurnames.containsKey(hangul.substring(0, 1));
            if (koreanName) {
                readings.add(named(name, normalize(hangul, kind).tokens(), kind, null, null, true, false));
            }
        }
        String withoutEndings = GREEK_CASE_ENDING.matcher(text).replaceAll("$1");
        if (!withoutEndings.equals(text)) {
            NormalizedName stem = normalize(withoutEndings, kind);
            readings.add(named(name, stem.tokens(), kind, stem.legalForm(), stem.legalFormText(), true, stem.vowelsUnwritten()));
        }
        return readings.stream().distinct().toList();
    }

    private NormalizedName named(String name, List<String> tokens, NameKind kind, String legalForm, String legalFormText, boolean nonLatin,
            boolean vowelsUnwritten) {
        List<String> keys = tokens.stream().map(RomanisationKey::of).toList();
        List<String> phonetics = tokens.stream().map(PHONETIC::doubleMetaphone).map(code -> code == null ? "" : code).toList();
        List<String> skeletons = tokens.stream().map(RomanisationKey::skeleton).toList();
        String whole = String.join("", tokens);
        return new NormalizedName(name, kind, tokens, keys, phonetics, skeletons, kindsOf(tokens, kind), legalForm, legalFormText,
                RomanisationKey.of(whole), legalFormText == null ? null : RomanisationKey.of(whole + legalFormText), nonLatin, vowelsUnwritten);
    }

    /**
     * The words without their legal forms (ООО, co. ltd, 有限公司 ...), the first form found put in
     * {@code found[0]} and its words as written, joined, in {@code found[1]} (a name written
     * RheinmetallAG meets Rheinmetall AG on them). A name that is nothing but a legal form keeps its words.
     */
    private List<String> withoutLegalForms(List<String> words, String[] found) {
        List<String> kept = new ArrayList<>(words.size());
        for (int i = 0; i < words.size(); ) {
            String word = words.get(i);
            NameDictionaries.LegalFormWords match = null;
            for (NameDictionaries.LegalFormWords form : dictionaries.legalFormsByFirstWord.getOrDefault(word, List.of())) {
                if (i + form.words().size() <= words.size() && words.subList(i, i + form.words().size()).equals(form.words())) {
                    match = form;
                    break;
                }
            }
            if (match != null) {
                if (found[0] == null) {
                    found[0] = match.form();
                    found[1] = String.join("", match.words());
                }
                i += match.words().size();
                continue;
            }
            kept.add(NameDictionaries.isCjk(word) ? withoutCjkLegalForm(word, found) : word);
            i++;
        }
        kept.removeIf(String::isEmpty);
        return kept.isEmpty() ? words : kept;
    }

    private String withoutCjkLegalForm(String word, String[] found) {
        for (var form : dictionaries.cjkLegalForms) {
            if (word.endsWith(form.getKey()) || word.startsWith(form.getKey())) {
                if (found[0] == null) {
                    found[0] = form.getValue();
                    found[1] = form.getKey();
                }
                return word.endsWith(form.getKey()) ? word.substring(0, word.length() - form.getKey().length()) : word.substring(form.getKey().length());
            }
        }
        return word;
    }

    /** The script of a word or name: its first letter's that is not Common or Inherited (Common when it has none). */
    public static Character.UnicodeScript scriptOf(String word) {
        return word.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED)
                .findFirst().orElse(Character.UnicodeScript.COMMON);
    }

    /**
     * A Chinese run. For an organisation, the longest dictionary word at each place is translated
     * (中国人民解放军 before 人民, 火箭军 then 士官, whatever a statistical segmenter would make of
     * 军士官); a single-character word (军, 核) only inside a longer name. What the dictionary does not
     * know is segmented into words (ICU's dictionary break iterator) and each word romanised with its
     * syllables joined, as names are written (哈尔滨 → haerbin, 习近平 → xi jinping).
     */
    private void chinese(String run, boolean translate, Transliterators icu, List<String> tokens) {
        int unknownFrom = 0;
        int at = 0;
        while (translate && at < run.length()) {
            int longest = 0;
            for (int length = Math.min(dictionaries.longestChineseWord, run.length() - at); length >= 1 && longest == 0; length--) {
                if (dictionaries.chineseWords.containsKey(run.substring(at, at + length)) && (length > 1 || run.length() > 1)) {
                    longest = length;
                }
            }
            if (longest == 0) {
                at++;
                continue;
            }
            romanise(run.substring(unknownFrom, at), icu, tokens);
            // the English words of the meaning meet their synonyms as English names write them (aeronautics, aviation)
            dictionaries.chineseWords.get(run.substring(at, at + longest)).forEach(english -> addLatin(english, true, tokens));
            at += longest;
            unknownFrom = at;
        }
        romanise(run.substring(unknownFrom), icu, tokens);
    }

    /** Chinese words the dictionary does not know, segmented and romanised with each word's syllables joined. */
    private static void romanise(String run, Transliterators icu, List<String> tokens) {
        if (run.isEmpty()) {
            return;
        }
        BreakIterator breaks = icu.chineseWords;
        breaks.setText(run);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            String latin = icu.han.transliterate(run.substring(start, end)).replaceAll("[^A-Za-z0-9]", "");
            if (!latin.isEmpty()) {
                tokens.add(latin.toLowerCase());
            }
        }
    }

    /**
     * A Korean word, romanised syllable by syllable. A person's name of two to four syllables is read
     * as Korean names are written in Latin script: the surname in its usual spelling (김 → kim, not
     * gim), then the given name's syllables joined (정은 → jeongeun; the romanisation key meets "Jong
     * Un" on the whole name).
     */
    private void korean(String word, NameKind kind, Transliterators icu, List<String> tokens) {
        List<String> syllables = new ArrayList<>();
        word.codePoints().forEach(c -> syllables.add(icu.hangul.transliterate(Character.toString(c)).replaceAll("[^A-Za-z0-9]", "").toLowerCase()));
        String surname = dictionaries.koreanSurnames.get(word.substring(0, word.offsetByCodePoints(0, 1)));
        if (kind != NameKind.ORGANISATION && surname != null && syllables.size() >= 2 && syllables.size() <= 4) {
            tokens.add(surname);
            tokens.add(String.join("", syllables.subList(1, syllables.size())));
        } else {
            tokens.add(String.join("", syllables));
        }
    }

    /**
     * A romanised word: split on what is not a letter or digit, digits in a word of letters read as the
     * letters they look like (N4VAL), English synonyms folded, a typo in a long dictionary word let go
     * (Scentific is Scientific).
     */
    private void addLatin(String latin, boolean translate, List<String> tokens) {
        for (String written : latin.toLowerCase().replace("'", "").replace("’", "").split("[^a-z0-9]+")) {
            if (written.isEmpty()) {
                continue;
            }
            String part = RomanisationKey.lettersForDigits(written);
            List<String> meaning = translate ? englishMeaning(part) : null;
            if (meaning != null) {
                tokens.addAll(meaning);
            } else {
                tokens.add(part);
            }
        }
    }
}
