package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.convergence.InvalidRecordException;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import org.junit.jupiter.api.Test;

class ListDatesTest {
    private static EntityBuilder person() {
        return Entity.builder(ConvergenceModel.standard().requireSchema("Person"), "p", "test").add("name", "A Person");
    }

    private static Entity withBirthDate(String value) {
        EntityBuilder builder = person();
        ListDates.add(builder, "birthDate", value, "list.xml:3 record 1");
        return builder.build();
    }

    @Test
    void isoDatesYearsAndMonthsAreKeptAsTheyAre() {
        assertEquals(List.of("1965-04-29"), withBirthDate("1965-04-29").values("birthDate"));
        assertEquals(List.of("1972"), withBirthDate("1972").values("birthDate"));
        assertEquals(List.of("1972-08"), withBirthDate("1972-08").values("birthDate"));
    }

    @Test
    void rangesAndAlternativesBecomeEveryDateTheyName() {
        assertEquals(List.of("1963", "1964"), withBirthDate("1963-1964").values("birthDate"));
        assertEquals(List.of("1972-08-10", "1972-08-11"), withBirthDate("1972-08-10 or 1972-08-11").values("birthDate"));
        assertEquals(List.of("1960"), withBirthDate("circa 1960").values("birthDate"));
    }

    @Test
    void textThatNamesNoDateGoesToNotes() {
        Entity entity = withBirthDate("unknown");
        assertTrue(entity.values("birthDate").isEmpty());
        assertEquals(List.of("birthDate: unknown"), entity.values("notes"));
    }

    @Test
    void aDateNotOnTheCalendarIsAnInvalidRecordNamingTheField() {
        InvalidRecordException error = assertThrows(InvalidRecordException.class, () -> withBirthDate("2025-02-30"));
        assertEquals("list.xml:3 record 1", error.location());
        assertTrue(error.problem().contains("birthDate") && error.problem().contains("2025-02-30"), error.problem());
    }

    @Test
    void anImpossibleYearIsKeptAsANoteNotAsADate() {
        Entity entity = withBirthDate("2922-09-01");
        assertTrue(entity.values("birthDate").isEmpty());
        assertTrue(entity.first("notes").contains("2922-09-01"));
    }

    @Test
    void sourcePatternsConvertToIsoAndRejectNonDates() {
        assertEquals("2012-06-29", ListDates.iso("29-06-2012", "dd-MM-yyyy", "Date Designated", "uk.csv:2"));
        assertNull(ListDates.iso(" ", "dd-MM-yyyy", "Date Designated", "uk.csv:2"));
        InvalidRecordException error = assertThrows(InvalidRecordException.class,
                () -> ListDates.iso("31-02-2024", "dd-MM-yyyy", "Date Designated", "uk.csv:2"));
        assertEquals("Date Designated: '31-02-2024' is not a date in the form dd-MM-yyyy", error.problem());
    }
}
