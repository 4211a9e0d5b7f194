package org.convergence.screening.names;

import com.ibm.icu.text.Transliterator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;

/**
 * The Japanese reading of a person's name written in kanji, as a Japanese passport writes it in Latin
 * letters: 山田太郎 → yamada taro, 鈴木一郎 → suzuki ichiro. Kanji carry no sound of their own, so
 * the reading comes from a dictionary of words with their readings (Kuromoji's IPADIC), not from a
 * letter-by-letter transliteration, which would read the characters as Chinese (shan tian tai lang).
 *
 * <p>Chinese and Japanese share the characters, so a name is read as Japanese only when the
 * dictionary knows every word of it as part of a person's name, starting with a surname; 王伟 (伟
 * is not Japanese) and 金正恩 (恩 is not a name word there) keep their Chinese reading alone.
 *
 * <p>Thread-safe: the tokenizer is not, so each thread keeps its own.
 */
final class JapaneseReadings {
    /** IPADIC's part of speech of name words; surnames end in 姓, given names in 名. */
    private static final String PERSON_NAME = "名詞-固有名詞-人名-";
    private static final String SURNAME = PERSON_NAME + "姓";

    private final ThreadLocal<Reader> readers = ThreadLocal.withInitial(Reader::new);

    private static final class Reader {
        final JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        final ReadingAttribute reading = tokenizer.addAttribute(ReadingAttribute.class);
        final PartOfSpeechAttribute partOfSpeech = tokenizer.addAttribute(PartOfSpeechAttribute.class);
        final Transliterator katakana = Transliterator.getInstance("Katakana-Latin; Latin-ASCII");
    }

    /** The name's words in Latin letters, or an empty list when the name does not read as a Japanese person's name. */
    List<String> personName(String text) {
        Reader reader = readers.get();
        List<String> words = new ArrayList<>(4);
        boolean japanese = true;
        try {
            reader.tokenizer.setReader(new StringReader(text));
            reader.tokenizer.reset();
            while (reader.tokenizer.incrementToken()) {
                String partOfSpeech = reader.partOfSpeech.getPartOfSpeech();
                String reading = reader.reading.getReading();
                boolean nameWord = partOfSpeech != null && (words.isEmpty() ? partOfSpeech.equals(SURNAME) : partOfSpeech.startsWith(PERSON_NAME));
                if (!nameWord || reading == null) {
                    japanese = false;
                    continue; // the tokenizer must still be read to its end before it can be reused
                }
                words.add(passportSpelling(reader.katakana.transliterate(reading).toLowerCase()));
            }
            reader.tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a name from memory cannot fail: " + e.getMessage(), e);
        } finally {
            try {
                reader.tokenizer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return japanese && words.size() >= 2 ? words : List.of();
    }

    /**
     * Long vowels as passports write them, without marks or doubled letters (タロウ tarou → taro,
     * オオノ oono → ono), which is also how lists and customer files spell Japanese names.
     */
    private static String passportSpelling(String hepburn) {
        return hepburn.replace("ou", "o").replace("oo", "o").replace("uu", "u").replaceAll("[^a-z]", "");
    }
}
