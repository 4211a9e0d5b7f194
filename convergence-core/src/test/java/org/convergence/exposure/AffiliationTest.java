package org.convergence.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.convergence.exposure.Affiliation.Kind;
import org.convergence.exposure.Affiliation.Unit;
import org.junit.jupiter.api.Test;

class AffiliationTest {

    @Test
    void coAuthorAffiliationIsReadIntoLabInstitutionCityPostcodeAndCountry() {
        Affiliation affiliation = Affiliation.parse("Key Laboratory of Micro-Systems, Northwestern Polytechnical University, Xi'an 710072, P.R. China");
        assertThat(affiliation.units()).containsExactly(new Unit("Key Laboratory of Micro-Systems", Kind.LAB),
                new Unit("Northwestern Polytechnical University", Kind.INSTITUTION), new Unit("Xi'an", Kind.CITY), new Unit("710072", Kind.POSTCODE),
                new Unit("P.R. China", Kind.COUNTRY));
        assertThat(affiliation.country()).isEqualTo("cn");
    }

    @Test
    void institutionIsScreenedFirstAndTheDepartmentNotWhenAnInstitutionIsNamed() {
        Affiliation affiliation = Affiliation.parse("School of Automation, Beijing Institute of Technology, 5 South Zhongguancun Street, Beijing, China");
        assertThat(affiliation.units()).extracting(Unit::kind).containsExactly(Kind.DEPARTMENT, Kind.INSTITUTION, Kind.ADDRESS, Kind.CITY,
                Kind.COUNTRY);
        assertThat(affiliation.screenedUnits()).extracting(Unit::text).containsExactly("Beijing Institute of Technology");
    }

    @Test
    void hanAffiliationWrittenAsOneIsSplitAfterTheInstitution() {
        Affiliation affiliation = Affiliation.parse("西北工业大学航海学院，西安，中国");
        assertThat(affiliation.units()).containsExactly(new Unit("西北工业大学", Kind.INSTITUTION), new Unit("航海学院", Kind.DEPARTMENT),
                new Unit("西安", Kind.CITY), new Unit("中国", Kind.COUNTRY));
    }

    @Test
    void asideInBracketsIsAUnitOfItsOwn() {
        Affiliation affiliation = Affiliation.parse("Key Laboratory of Marine Information Acquisition (Harbin Engineering University), Ministry of "
                + "Industry and Information Technology, Harbin, China");
        assertThat(affiliation.units()).extracting(Unit::text).startsWith("Key Laboratory of Marine Information Acquisition",
                "Harbin Engineering University", "Ministry of Industry and Information Technology");
        assertThat(affiliation.units().get(1).kind()).isEqualTo(Kind.INSTITUTION);
    }

    @Test
    void labNameHoldingACommaIsAlsoScreenedWhole() {
        Affiliation affiliation = Affiliation.parse("State Key Laboratory of Trauma, Burns and Combined Injury");
        assertThat(affiliation.screenedUnits()).extracting(Unit::text).containsExactly(affiliation.text(), "State Key Laboratory of Trauma",
                "Burns and Combined Injury");
    }

    @Test
    void aNameAloneIsOneUnitScreenedAsItIs() {
        Affiliation affiliation = Affiliation.parse("Rosoboronexport");
        assertThat(affiliation.screenedUnits()).containsExactly(new Unit("Rosoboronexport", Kind.OTHER));
    }

    @Test
    void emptyAndOverlongAffiliationsAreBoundedNotErrors() {
        assertThat(Affiliation.parse("  ").units()).isEmpty();
        assertThat(Affiliation.parse(null).units()).isEmpty();
        Affiliation long_ = Affiliation.parse("Institute of ".repeat(800) + "Physics");
        assertThat(long_.text()).hasSize(Affiliation.MAX_LENGTH);
        List<Unit> many = Affiliation.parse("Lab A, ".repeat(2_000)).screenedUnits();
        assertThat(many).hasSizeLessThanOrEqualTo(Affiliation.MAX_SCREENED_UNITS);
    }
}
