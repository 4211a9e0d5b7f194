package org.convergence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.convergence.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceValidatorTest {
    @TempDir
    Path folder;

    /** A copy of the fixture with one more events file, to test what the validator reports. */
    private EvidenceValidator.Report withEvents(String yaml) throws Exception {
        try (Stream<Path> paths = Files.walk(Fixtures.evidence())) {
            for (Path path : paths.toList()) {
                Path target = folder.resolve(Fixtures.evidence().relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
        Files.writeString(folder.resolve("events/extra.yaml"), yaml);
        return EvidenceValidator.validate(EvidenceBase.read(folder));
    }

    private static List<String> messages(EvidenceValidator.Report report) {
        return report.problems().stream().map(Object::toString).toList();
    }

    @Test
    void fixtureIsValidAndCounted() throws Exception {
        EvidenceValidator.Report report = EvidenceValidator.validate(EvidenceBase.read(Fixtures.evidence()));
        assertTrue(report.valid(), messages(report).toString());
        assertEquals(2, report.events());
        assertEquals(2, report.domains());
        assertEquals(2, report.parties());
    }

    @Test
    void eventWithoutSourceFails() throws Exception {
        EvidenceValidator.Report report = withEvents("""
                - {id: 2020-x, date: 2020, domain: exercises, type: exercise, direction: joint,
                   parties: {participants: [pla-air-force]}, summary: Something happened.}
                """);
        assertEquals(List.of("extra.yaml [2020-x] sources: no source: every event cites at least one (publisher, title, date, url)"),
                messages(report));
    }

    @Test
    void everyKindOfProblemIsNamedWithItsField() throws Exception {
        EvidenceValidator.Report report = withEvents("""
                - id: 2020-bad
                  date: 2020-13-01
                  endDate: 2019
                  domain: time-travel
                  type: gift
                  direction: sideways
                  parties: {supplier: [nobody]}
                  summary: Bad.
                  claims:
                    - {quantity: 3, source: "https://elsewhere.org/"}
                    - {value: {amount: 5, currency: dollars}, source: "https://example.org/ok"}
                  sources:
                    - {publisher: P, title: T, date: 2020, url: "https://example.org/ok"}
                    - {publisher: P, title: T, date: yesterday, url: "not a url"}
                """);
        String all = String.join("\n", messages(report));
        for (String expected : new String[] {"date: '2020-13-01' is not a real date", "domain: 'time-travel' is not a domain",
                "type: 'gift' is not one of", "direction: 'sideways' is not one of", "parties.supplier: 'nobody' is not a party",
                "claims[0].source: 'https://elsewhere.org/' is not the url of one of the event's sources",
                "claims[1].value.currency: expected an ISO 4217 code", "sources[1].date: 'yesterday' is not an ISO date",
                "sources[1].url: 'not a url' is not an http(s) URL"}) {
            assertTrue(all.contains(expected), "missing: " + expected + "\nin:\n" + all);
        }
    }

    @Test
    void endBeforeStartAndDuplicatesAreReported() throws Exception {
        EvidenceValidator.Report report = withEvents("""
                - {id: 2018-vostok-again, date: 2018-09, endDate: 2018-09-17, domain: exercises, type: exercise, direction: joint,
                   parties: {participants: [rosoboronexport, pla-air-force]}, summary: Same again.,
                   sources: [{publisher: P, title: T, date: 2018, url: "https://example.org/x"}]}
                - {id: 2019-backwards, date: 2019-05, endDate: 2019-04, domain: exercises, type: exercise, direction: joint,
                   parties: {participants: [pla-air-force]}, summary: Backwards.,
                   sources: [{publisher: P, title: T, date: 2019, url: "https://example.org/y"}]}
                - {id: 2018-vostok, date: 2017, domain: exercises, type: exercise, direction: joint,
                   parties: {participants: [pla-air-force]}, summary: Reused id.,
                   sources: [{publisher: P, title: T, date: 2017, url: "https://example.org/z"}]}
                """);
        String all = String.join("\n", messages(report));
        assertTrue(all.contains("[2018-vostok]: duplicates event '2018-vostok-again'"), all);
        assertTrue(all.contains("[2019-backwards] endDate: '2019-04' is before the date '2019-05'"), all);
        assertTrue(all.contains("id: event id '2018-vostok' is used twice"), all);
    }
}
