package org.convergence.screening.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameNormalizerTest {
    private static final NameNormalizer NORMALIZER = NameNormalizer.standard();

    private static NormalizedName person(String name) {
        return NORMALIZER.normalize(name, NameKind.PERSON);
    }

    private static NormalizedName organisation(String name) {
        return NORMALIZER.normalize(name, NameKind.ORGANISATION);
    }

    @Test
    void caseAndCompatibilityFormsFold() {
        assertEquals(List.of("vladimir", "putin"), person("ＶＬＡＤＩＭＩＲ  Putin").tokens());
        assertEquals(List.of("muller", "strasse"), person("Müller-Straße").tokens());
    }

    @Test
    void cyrillicRomanisationSystemsMeetOnOneKey() {
        String bgn = person("Юрий Щукин").keys().toString();
        assertEquals(bgn, person("Yuriy Shchukin").keys().toString());
        assertEquals(bgn, person("Iurii Shchukin").keys().toString());
        assertEquals(person("Zhukov").keys(), person("Žukov").keys());
        assertEquals(person("Khodorkovsky").keys(), person("Hodorkovskij").keys());
        assertEquals(person("Pyotr").keys(), person("Petr").keys());
        assertEquals(person("Пётр").keys(), person("Peter").keys());
        assertEquals(person("Александр Петров").keys(), person("Alexander Petrov").keys());
        assertTrue(person("Юрий").nonLatin());
    }

    @Test
    void chineseIsSegmentedAndSyllablesJoinedAsNamesAreWritten() {
        assertEquals(List.of("xi", "jinping"), person("习近平").tokens());
        assertEquals("haerbin", person("哈尔滨").tokens().getFirst());
    }

    @Test
    void koreanNamesAreReadAsTheyAreWrittenInLatinScript() {
        assertEquals(List.of("kim", "jeongeun"), person("김정은").tokens());
        assertEquals(String.join("", person("김정은").keys()), String.join("", person("Kim Jong Un").keys()));
        assertEquals(person("Pak Chang Ho").keys(), person("Park Chang Ho").keys());
    }

    @Test
    void institutionWordsAreTranslatedForOrganisations() {
        assertEquals(List.of("harbin", "technology", "university"), organisation("哈尔滨工业大学").tokens());
        assertEquals(List.of("pla", "air", "force", "engineering", "university"),
                organisation("中国人民解放军空军工程大学").tokens());
        assertEquals(List.of("air", "force", "engineering", "university"), organisation("Airforce Engineering University").tokens());
        assertEquals(organisation("National Defence University").tokens(), organisation("National Defense University").tokens());
        assertTrue(organisation("Московский авиационный институт").tokens().containsAll(List.of("aviation", "institute")));
    }

    @Test
    void legalFormsAreRecognisedAcrossLanguagesAndSetApart() {
        NormalizedName russian = organisation("ООО «Ромашка»");
        NormalizedName english = organisation("Romashka LLC");
        assertEquals("llc", russian.legalForm());
        assertEquals("llc", english.legalForm());
        assertEquals(english.keys(), russian.keys());
        assertEquals("jsc", organisation("中国航空工业集团股份有限公司").legalForm());
        assertEquals("jsc", organisation("ПАО Аэрофлот").legalForm());
        assertEquals("llc", organisation("Siemens GmbH").legalForm());
        assertNull(person("Ltd Smith").legalForm(), "a person's name has no legal form");
    }

    @Test
    void aKanjiNameIsAlsoReadAsJapaneseOnlyWhenItReadsAsAJapaneseName() {
        List<List<String>> yamada = NameNormalizer.standard().readings("山田太郎", NameKind.PERSON).stream().map(NormalizedName::tokens).toList();
        assertTrue(yamada.contains(List.of("yamada", "taro")), yamada.toString());
        assertEquals(List.of(List.of("wang", "wei")),
                NameNormalizer.standard().readings("王伟", NameKind.PERSON).stream().map(NormalizedName::tokens).toList(),
                "伟 is not Japanese: the name keeps its Chinese reading alone");
        assertEquals(1, NameNormalizer.standard().readings("北京航空航天大学", NameKind.ORGANISATION).size());
    }

    @Test
    void aKoreanNameInHanjaIsAlsoReadAsKorean() {
        List<List<String>> kim = NameNormalizer.standard().readings("金正恩", NameKind.PERSON).stream().map(NormalizedName::tokens).toList();
        assertEquals(person("金正恩").tokens(), kim.getFirst(), "the Chinese reading comes first");
        assertTrue(kim.contains(List.of("kim", "jeongeun")), "the Sino-Korean reading, as Korean names are written: " + kim);
        assertTrue(NameNormalizer.standard().readings("金正恩", NameKind.ORGANISATION).size() == 1, "organisations keep their Chinese reading");
    }

    @Test
    void arabicServantOfNamesMeetInOneSpelling() {
        for (String name : List.of("Abdul Rahman", "Abd al-Rahman", "ABD RAHMAN", "Abdurrahman", "Abdel Rahman")) {
            assertEquals(List.of("abd", "rahman"), person(name).keys(), name);
        }
        assertEquals(List.of("abdulah"), person("Abdullah").keys(), "Abdullah (Abd Allah) stays one word");
    }

    @Test
    void romanisationsOfKoreanEoAndWadeGilesUngMeet() {
        assertEquals(RomanisationKey.of("seong"), RomanisationKey.of("sung"));
        assertEquals(RomanisationKey.of("song"), RomanisationKey.of("sung"));
        assertEquals(RomanisationKey.of("dong"), RomanisationKey.of("dung"));
    }

    @Test
    void degenerateInputGivesASensibleAnswer() {
        assertTrue(person("").isEmpty());
        assertTrue(person(null).isEmpty());
        assertTrue(person("  ,;-- ").isEmpty());
        assertEquals(List.of("x"), person("X").tokens());
        NormalizedName huge = person("a".repeat(10_000));
        assertEquals(NameNormalizer.MAX_NAME_LENGTH, huge.text().length());
        assertEquals(List.of("ivan", "ivanov", "wang"), person("Ivan Иванов 王").tokens());
    }

    @Test
    void escapeSequencesAndInvisibleCharactersAreReadAsNothing() {
        List<String> clean = organisation("Rosatom").tokens();
        assertEquals(clean, organisation("Ros\u200Batom").tokens(), "a zero-width space");
        assertEquals(clean, organisation("Ros\u00ADatom").tokens(), "a soft hyphen");
        assertEquals(clean, organisation("Ros\u0007atom").tokens(), "a control character is nothing, not a space");
        assertEquals(clean, organisation("\u001B[1;31mRosatom\u001B[0m").tokens(), "terminal colours");
        assertEquals(clean, organisation("Ros\u202Eatom").tokens(), "a direction mark");
        assertEquals(List.of("ivan", "petrov"), person("Ivan\tPetrov").tokens(), "a tab still parts words");
    }

    @Test
    void aLatinNameWithLettersOfAnotherScriptThatLookLatinReadsAsLatin() {
        assertEquals(organisation("Rosatom").tokens(), organisation("R\u043Esatom").tokens(), "a Cyrillic o");
        assertEquals(organisation("Tomsk Polytechnic").tokens(), organisation("Tomsk P\u03BFlytechnic").tokens(), "a Greek omicron");
        assertEquals(person("HASSAN").tokens(), person("\u041DASSAN").tokens(), "a Cyrillic capital En looks like H");
        assertEquals(List.of("moskva"), organisation("\u041C\u043E\u0441\u043A\u0432\u0430").tokens(), "a Cyrillic word stays Cyrillic");
    }

    @Test
    void digitsWrittenForLettersAreReadAsTheLetters() {
        assertEquals(organisation("Rosatom").keys(), organisation("R0SAT0M").keys());
        assertEquals(List.of("a320"), organisation("A320").tokens(), "a type designation keeps its digits");
    }

    @Test
    void numbersAndOrdinalsAreWrittenAsDigits() {
        assertEquals(List.of("3", "central", "research", "institute"), organisation("Third Central Research Institute").tokens());
        assertEquals(organisation("3rd Central Research Institute").tokens(), organisation("Third Central Research Institute").tokens());
        assertEquals(List.of("plant", "5"), organisation("Plant No. 5").tokens());
        assertEquals(List.of("plant", "5"), organisation("Plant #005").tokens());
    }

    @Test
    void eachPartKnowsWhatKindOfPartItIs() {
        assertEquals(List.of(PartKind.NAME, PartKind.PATRONYMIC, PartKind.NAME), person("Valery Vasilyevich Gerasimov").kinds());
        assertEquals(List.of(PartKind.NAME, PartKind.PARTICLE, PartKind.NAME), person("Salman bin Khalid").kinds());
        assertEquals(List.of(PartKind.NAME, PartKind.GENERIC, PartKind.STOP, PartKind.NAME), organisation("Tomsk University of Radioelectronics")
                .kinds());
        assertEquals(List.of(PartKind.INITIAL, PartKind.NAME), person("V. Gerasimov").kinds());
    }

    @Test
    void aPersonsNameWrittenFamilyFirstWithACommaIsReadGivenNameFirst() {
        assertEquals(List.of("valery", "gerasimov"), person("GERASIMOV, Valery").tokens());
        assertEquals(List.of("gerasimov", "valery"), person("GERASIMOV Valery").tokens(), "without the comma, the order stays as written");
    }

    @Test
    void wordsGluedWithTheCaseThatMarksThemAreTwoWords() {
        assertEquals(List.of("gerasimov", "valery"), person("GERASIMOVValery").tokens());
        assertEquals(List.of("valery", "gerasimov"), person("ValeryGerasimov").tokens());
        assertEquals(List.of("mcdonald"), person("McDonald").tokens(), "a capital inside a short prefix stays");
    }

    @Test
    void titlesInOtherLanguagesAreLeftOut() {
        assertEquals(List.of("gerasimov"), person("Präsident Gerasimov").tokens());
        assertEquals(List.of("gerasimov"), person("General Gerasimov").tokens());
    }
}
