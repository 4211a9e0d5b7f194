package org.convergence.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.convergence.evidence.EvidenceBase;
import org.convergence.evidence.EvidenceEntities;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The records of the repository's own events, as the evidence loader writes them: claims regrouped, one per source as the sources gave them. */
class EventRecordTest {
    private static final Path EVIDENCE = Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence");
    private static Map<String, Entity> entities;

    @BeforeAll
    static void read() {
        entities = EvidenceEntities.of(EvidenceBase.read(EVIDENCE), "evidence", ConvergenceModel.standard()).stream()
                .collect(Collectors.toMap(Entity::id, Function.identity()));
    }

    private static EventRecord record(String event) {
        return EventRecord.of(entities.get(EvidenceEntities.eventId(event)), id -> entities.get(id).caption());
    }

    @Test
    void twoSourcesThatDisagreeOnTheNumberGiveTwoClaims() {
        EventRecord purchase = record("1991-su-27-purchase");
        assertEquals(List.of(
                new EventRecord.Claim("50", "1700000000", "USD", null, "https://keypublishing.wordpress-developer.us/?p=142136"),
                new EventRecord.Claim("48", "1700000000", "USD", null,
                        "https://web.archive.org/web/20190106060857/https:/www.globalsecurity.org/military/world/china/j-11-program.htm")),
                purchase.claims());
        assertEquals("1,700,000,000 USD", purchase.claims().getFirst().value());
    }

    @Test
    void aClaimWithoutAValueStandsBesideOneWithIt() {
        assertEquals(List.of(new EventRecord.Claim("30", "1000000000", "USD", "2003", "http://vif2ne.org:2003/nvk/forum/archive/451/451862.htm"),
                new EventRecord.Claim("24", null, null, null, "https://keypublishing.wordpress-developer.us/?p=142136")),
                record("2003-su-30mk2-naval-fighters").claims());
    }

    @Test
    void twoFiguresOfOneSourceStayTwoClaims() {
        EventRecord imports = record("2021-semiconductor-imports-from-china-rise");
        assertEquals(List.of("200,000,000 USD (2021 money)", "500,000,000 USD (2022 money)"),
                imports.claims().stream().map(EventRecord.Claim::value).toList());
    }

    @Test
    void partiesAreNamedAndEverySourceKeepsItsPublisher() {
        EventRecord purchase = record("1991-su-27-purchase");
        assertEquals(purchase.parties().size(), purchase.parties().stream().filter(party -> !party.name().equals(party.id())).count(),
                purchase.parties().toString());
        assertEquals(purchase.sources().size(), purchase.sources().stream().filter(source -> source.publisher() != null).count(),
                purchase.sources().toString());
    }
}
