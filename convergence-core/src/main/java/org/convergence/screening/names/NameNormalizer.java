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
 * Reduces a name in any script to comparison tokens: Unicode NFKC with case folding; the legal form
 * recognised (ООО, 有限公司, GmbH, LLC ... to one form) and set apart; Cyrillic transliterated by
 * BGN/PCGN, other scripts by ICU's Any-Latin, then folded to ASCII; Chinese segmented into words
 * (ICU's dictionary break iterator) and each word's pinyin syllables joined as names are written
 * (哈尔滨 → haerbin, 习近平 → xi jinping); institution words translated into English comparison
 * words (大学 → university, институт → institute) for organisations.
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
            return new NormalizedName(name == null ? "" : name, List.of(), List.of(), List.of(), List.of(), null, false, false);
        }
        String text = name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
        text = FOLD.normalize(text);
        List<String> words = Words.split(text);
        String legalForm = null;
        if (kind != NameKind.ORGANISATION) {
            List<String> withoutTitles = words.stream().filter(word -> !dictionaries.personTitles.contains(word)).toList();
            words = withoutTitles.isEmpty() ? words : withoutTitles;
        }
        if (kind != NameKind.PERSON) {
            String[] found = new String[1];
            words = withoutLegalForms(words, found);
            legalForm = found[0];
        }
        boolean translate = kind != NameKind.PERSON;
        List<String> tokens = new ArrayList<>();
        boolean nonLatin = false;
        boolean vowelsUnwritten = false;
        Transliterators icu = transliterators.get();
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
                    tokens.addAll(meaning);
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
        return named(name, kind == NameKind.ORGANISATION ? tokens : servantOfNames(tokens), legalForm, nonLatin, vowelsUnwritten);
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
            if (rest.length() >= 4 && !rest.startsWith("lah") && !rest.startsWith("llah")) {
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
        if (main.isEmpty() || !main.nonLatin() || kind == NameKind.ORGANISATION) {
            return List.of(main);
        }
        List<NormalizedName> readings = new ArrayList<>(2);
        readings.add(main);
        String text = FOLD.normalize(name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name);
        if (KANJI_NAME.matcher(text).matches()) {
            List<String> japanese = this.japanese.personName(text);
            if (!japanese.isEmpty()) {
                readings.add(named(name, japanese, null, true, false));
            }
            String hangul = KoreanReadings.hangul(text);
            boolean koreanName = hangul != null && hangul.length() >= 2 && hangul.length() <= 4
                    && dictionaries.koreanSurnames.containsKey(hangul.substring(0, 1));
            if (koreanName) {
                readings.add(named(name, normalize(hangul, kind).tokens(), null, true, false));
            }
        }
        String withoutEndings = GREEK_CASE_ENDING.matcher(text).replaceAll("$1");
        if (!withoutEndings.equals(text)) {
            NormalizedName stem = normalize(withoutEndings, kind);
            readings.add(named(name, stem.tokens(), stem.legalForm(), true, stem.vowelsUnwritten()));
        }
        return readings.stream().distinct().toList();
    }

    private static NormalizedName named(String name, List<String> tokens, String legalForm, boolean nonLatin, boolean vowelsUnwritten) {
        List<String> keys = tokens.stream().map(RomanisationKey::of).toList();
        List<String> phonetics = tokens.stream().map(PHONETIC::doubleMetaphone).map(code -> code == null ? "" : code).toList();
        List<String> skeletons = tokens.stream().map(RomanisationKey::skeleton).toList();
        return new NormalizedName(name, tokens, keys, phonetics, skeletons, legalForm, nonLatin, vowelsUnwritten);
    }

    /**
     * The words without their legal forms (ООО, co. ltd, 有限公司 ...), the first form found put in
     * {@code found[0]}. A name that is nothing but a legal form keeps its words.
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
                found[0] = found[0] == null ? match.form() : found[0];
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
                found[0] = found[0] == null ? form.getValue() : found[0];
                return word.endsWith(form.getKey()) ? word.substring(0, word.length() - form.getKey().length()) : word.substring(form.getKey().length());
            }
        }
        return word;
    }

    /** True for a comparison word that says little about which organisation is meant (china, national, pla ...). */
    public boolean isWeakWord(String token) {
        return dictionaries.weakWords.contains(token);
    }

    /** The script of a word or name: its first letter's that is not Common or Inherited (Common when it has none). */
    public static Character.UnicodeScript scriptOf(String word) {
        return word.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED)
                .findFirst().orElse(Character.UnicodeScript.COMMON);
    }

    /**
     * A Chinese run: segmented into words; adjacent words that together form a dictionary word are
     * translated as one (人民 + 解放 + 军), the others romanised with their syllables joined.
     */
    private void chinese(String run, boolean translate, Transliterators icu, List<String> tokens) {
        List<String> segments = new ArrayList<>();
        BreakIterator breaks = icu.chineseWords;
        breaks.setText(run);
        for (int start = breaks.first(), end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            segments.add(run.substring(start, end));
        }
        for (int i = 0; i < segments.size(); ) {
            int taken = 0;
            if (translate) {
                StringBuilder joined = new StringBuilder();
                for (int j = i; j < segments.size() && joined.length() + segments.get(j).length() <= dictionaries.longestChineseWord; j++) {
                    joined.append(segments.get(j));
                    List<String> meaning = dictionaries.chineseWords.get(joined.toString());
                    // a one-character word (军, 核) is translated only inside a longer name, never alone
                    if (meaning != null && (joined.length() > 1 || segments.size() > 1)) {
                        taken = j - i + 1;
                    }
                }
            }
            if (taken > 0) {
                StringBuilder joined = new StringBuilder();
                segments.subList(i, i + taken).forEach(joined::append);
                tokens.addAll(dictionaries.chineseWords.get(joined.toString()));
                i += taken;
            } else {
                String latin = icu.han.transliterate(segments.get(i)).replaceAll("[^A-Za-z0-9]", "");
                if (!latin.isEmpty()) {
                    tokens.add(latin.toLowerCase());
                }
                i++;
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

    /** A romanised word: split on what is not a letter or digit, English synonyms folded. */
    private void addLatin(String latin, boolean translate, List<String> tokens) {
        for (String part : latin.toLowerCase().replace("'", "").replace("’", "").split("[^a-z0-9]+")) {
            if (part.isEmpty()) {
                continue;
            }
            List<String> meaning = translate ? dictionaries.englishWords.get(part) : null;
            if (meaning != null) {
                tokens.addAll(meaning);
            } else {
                tokens.add(part);
            }
        }
    }
}
