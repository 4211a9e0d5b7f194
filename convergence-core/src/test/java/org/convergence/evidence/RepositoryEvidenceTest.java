package org.convergence.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.convergence.evidence.EvidenceRecords.Event;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.trade.SipriDomains;
import org.junit.jupiter.api.Test;

/** The curated evidence base of the repository itself: every event valid and sourced. */
class RepositoryEvidenceTest {
    private static final Path EVIDENCE = Path.of(System.getProperty("convergence.repository.root", "..")).resolve("evidence");
    private final EvidenceBase base = EvidenceBase.read(EVIDENCE);

    @Test
    void everyEventPassesValidation() {
        EvidenceValidator.Report report = EvidenceValidator.validate(base);
        assertEquals(List.of(), report.problems().stream().map(Object::toString).toList());
        assertTrue(report.events() >= 200, "events: " + report.events());
        assertTrue(report.domains() >= 10, "domains: " + report.domains());
    }

    @Test
    void everyEventHasAtLeastOneSourceWithAUrl() {
        for (Event event : base.events()) {
            assertTrue(!event.sources().isEmpty(), event.id() + " has no source");
            event.sources().forEach(source -> assertTrue(source.url() != null && source.url().startsWith("http"), event.id()));
        }
    }

    @Test
    void everyDomainThatSipriTransfersGetIsInTheTaxonomy() {
        List<String> domains = base.taxonomy().domains().stream().map(EvidenceRecords.Domain::id).toList();
        for (String description : List.of("SAM system", "transport helicopter", "submarine", "FGA aircraft", "tank", "satellite", "unknown thing")) {
            assertTrue(domains.contains(SipriDomains.domainOf(description)), description);
        }
    }

    @Test
    void eventsLeadToTheCanadianResearchAreasTheyConcern() {
        Event su35 = base.events().stream().filter(e -> e.domain().equals("combat-aircraft")).findFirst().orElseThrow();
        assertTrue(base.researchAreasOf(su35).stream().anyMatch(area -> area.area().equals("Aerospace, Space and Satellite Technology")));
    }

    @Test
    void authorityOfAnEventKeepsItsRoleApartFromTheParties() {
        Entity letter = EvidenceEntities.of(base, "evidence", ConvergenceModel.standard()).stream()
                .filter(entity -> entity.id().equals(EvidenceEntities.eventId("2023-us-house-chairmen-rosatom-letter"))).findFirst().orElseThrow();

        assertThat(letter.values("authority")).containsExactly("cvg-party-michael-mccaul", "cvg-party-mike-rogers-al", "cvg-party-mike-turner");
        assertThat(letter.values("involved")).isEmpty();
        assertThat(letter.values("supplier")).containsExactly("cvg-party-rosatom");
    }
}
