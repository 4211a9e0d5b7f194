package org.convergence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.testing.Fixtures;
import org.junit.jupiter.api.Test;

class EvidenceEntitiesTest {
    private final List<Entity> entities =
            EvidenceEntities.of(EvidenceBase.read(Fixtures.evidence()), "evidence", ConvergenceModel.standard());

    private Entity entity(String id) {
        return entities.stream().filter(entity -> entity.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void partiesKeepTheirOriginalScriptNamesBesideTheEnglishOne() {
        Entity plaaf = entity("cvg-party-pla-air-force");
        assertEquals("PublicBody", plaaf.schema().getName());
        assertEquals(List.of("People's Liberation Army Air Force", "中国人民解放军空军"), plaaf.values("name"));
        assertEquals(List.of("PLAAF"), plaaf.values("alias"));
    }

    @Test
    void disagreeingClaimsStandSideBySideEachWithItsSource() {
        Entity event = entity("cvg-event-2015-su-35-contract");
        assertEquals("CooperationEvent", event.schema().getName());
        Map<String, String> quantitySources = event.statements().stream().filter(s -> s.property().equals("quantity"))
                .collect(Collectors.toMap(Statement::value, Statement::source));
        assertEquals(Map.of("24", "https://example.org/first", "26", "https://example.org/second"), quantitySources);
        assertEquals(List.of("2000000000"), event.values("amount"));
        assertEquals(List.of("USD"), event.values("currency"));
        assertEquals(List.of("2015"), event.values("amountYear"));
        assertEquals(List.of("cvg-party-rosoboronexport"), event.values("supplier"));
        assertEquals(List.of("combat-aircraft"), event.values("technologyDomain"));
        assertEquals(List.of("https://example.org/first", "https://example.org/second"), event.values("sourceUrl"));
    }

    @Test
    void participantsAreInvolved() {
        assertEquals(List.of("cvg-party-rosoboronexport", "cvg-party-pla-air-force"), entity("cvg-event-2018-vostok").values("involved"));
    }
}
