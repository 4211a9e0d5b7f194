package org.convergence.screening.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.junit.jupiter.api.Test;

/** How names are aligned part by part, and what the alignment says, independent of the scoring model's weights. */
class NameAlignmentTest {
    private static final NameNormalizer NAMES = NameNormalizer.standard();

    private static NameMatch person(String query, String listed) {
        return NameAlignment.compare(NAMES.normalize(query, NameKind.PERSON), NAMES.normalize(listed, NameKind.PERSON), false, true,
                TokenWeights.UNIFORM, NAMES);
    }

    private static NameMatch organisation(String query, String listed) {
        return NameAlignment.compare(NAMES.normalize(query, NameKind.ORGANISATION), NAMES.normalize(listed, NameKind.ORGANISATION), false, false,
                TokenWeights.UNIFORM, NAMES);
    }

    @Test
    void theSameNameInAnotherOrderIsTheSameName() {
        NameMatch match = person("GERASIMOV, Valery", "Valery Gerasimov");
        assertEquals(1.0, match.similarity(), 1e-9);
        assertTrue(match.exact());
        assertEquals(1.0, match.closeness(), 1e-9);
    }

    @Test
    void aPatronymicTheQueryLeavesOutIsAnOmissionNotADisagreement() {
        NameMatch match = person("Valery Gerasimov", "Valery Vasilyevich Gerasimov");
        assertEquals(0.0, match.conflict());
        assertTrue(match.similarity() > 0.85, match.toString());
        assertTrue(match.unmatched().contains("vasilyevich"));
    }

    @Test
    void aPartOnEachSideWithoutAPartnerIsADisagreement() {
        assertEquals(1.0, person("Zhang Wei", "Zhang Wen").conflict(), "one syllable of a short Chinese name");
        assertEquals(1.0, person("Kim Jong Chol", "Kim Jong Nam").conflict(), "one syllable of a Korean given name");
        assertEquals(1.0, person("Nikolai Patrushev", "Dmitry Patrushev").conflict(), "father and son share a family name");
        assertEquals(0.0, person("Nikolai Patrushev", "Nikolai Platonovich Patrushev").conflict());
    }

    @Test
    void theNamesAroundBinSwappedAreFatherAndSon() {
        assertTrue(person("Salman bin Abdulaziz", "Abdulaziz bin Salman").rolesSwapped());
        assertFalse(person("Salman bin Abdulaziz", "Salman bin Abdulaziz Al Saud").rolesSwapped());
        NameMatch familyFirst = person("Osama bin Laden", "BIN LADEN, Osama bin Muhammad");
        assertFalse(familyFirst.rolesSwapped(), "a family name written first, as lists write it, keeps its role: " + familyFirst.explanation());
    }

    @Test
    void differentNumbersNameDifferentOrganisations() {
        assertTrue(organisation("Second Central Research Institute", "5th Central Research Institute").numbersDiffer());
        NameMatch same = organisation("Second Central Research Institute", "2nd Central Research Institute");
        assertFalse(same.numbersDiffer());
        assertTrue(same.exact(), same.explanation());
    }

    @Test
    void wordsWrittenAsOneMeetTheSameWordsWrittenApart() {
        assertTrue(person("Abdulhakim Salek", "Abdul Hakim Salek").exact());
        assertEquals(1.0, organisation("Rosoboron Export", "Rosoboronexport").similarity(), 1e-9);
        NameMatch glued = organisation("Ural Vagon Zavod", "Uralvagonzavod");
        assertEquals(1.0, glued.similarity(), 1e-9, glued.explanation());
        assertEquals(1.0, person("Kim Yo Jong", "김여정").similarity(), 1e-9, "a Korean given name's syllables joined as Hangul writes them");
    }

    @Test
    void anAcronymMeetsTheWordsItAbbreviates() {
        NameMatch acronym = organisation("BMSTU", "Bauman Moscow State Technical University");
        assertEquals(NameAlignment.ACRONYM, acronym.similarity(), 1e-9, acronym.explanation());
        NameMatch withForm = organisation("TSC", "Tactical Systems Co");
        assertTrue(withForm.similarity() > 0.85, "the initial of a company word ends an acronym: " + withForm.explanation());
        assertTrue(organisation("XYZ", "Bauman Moscow State Technical University").similarity() < 0.1);
    }

    @Test
    void aLegalFormGluedToTheNameIsTheLegalForm() {
        NameMatch match = organisation("Kronshtadt JSC", "KronshtadtJSC");
        assertEquals(1.0, match.similarity(), 1e-9, match.explanation());
    }

    @Test
    void wordsForAnInstitutionMeetAsNearlyAlike() {
        NameMatch match = organisation("Tomsk Polytechnic Institute", "Tomsk Polytechnic University");
        assertEquals(0.0, match.conflict());
        assertTrue(match.similarity() > 0.9 && match.similarity() < 1, match.explanation());
    }

    @Test
    void aNameFoundInsideALongerTextSaysSo() {
        NameMatch text = person("TRANSFER TO ALEKSANDR PETROVICH SIDOROV FOR SERVICES", "Aleksandr Petrovich Sidorov");
        assertTrue(text.inText());
        assertTrue(text.exact());
    }
}
