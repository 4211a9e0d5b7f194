package org.convergence.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.followthemoney.model.Schema;

class ConvergenceModelTest {
    private final ConvergenceModel model = ConvergenceModel.standard();

    @Test
    void defaultModelSchemataAreAllPresent() {
        assertTrue(model.schema("Person").isPresent());
        assertTrue(model.schema("Sanction").isPresent());
        assertTrue(model.ftm().getSchemata().size() >= 70, "default FtM schemata plus extensions");
    }

    @Test
    void transferIsAnEdgeFromSupplierToRecipientWithInheritedIntervalAndValueProperties() {
        Schema transfer = model.requireSchema("Transfer");
        assertTrue(transfer.isEdge());
        assertEquals("supplier", transfer.getEdge().orElseThrow().getSourceProperty().getName());
        assertEquals("recipient", transfer.getEdge().orElseThrow().getTargetProperty().getName());
        for (String property : new String[] {"item", "itemCategory", "quantity", "amount", "currency", "orderDate", "deliveryDate", "status",
                "startDate", "endDate", "technologyDomain", "sourceUrl"}) {
            assertNotNull(transfer.getProperty(property), "Transfer lacks " + property);
        }
        assertTrue(transfer.isA(model.requireSchema("Interval")));
    }

    @Test
    void technologyDomainIsUsableOnTransfersAgreementsAndEvents() {
        for (String schema : new String[] {"Transfer", "Agreement", "CooperationEvent"}) {
            assertNotNull(model.requireSchema(schema).getProperty("technologyDomain"), schema);
        }
        assertTrue(model.requireSchema("CooperationEvent").isA(model.requireSchema("Event")));
        assertNotNull(model.requireSchema("Agreement").getProperty("parties"));
        assertNotNull(model.requireSchema("Agreement").getProperty("signingDate"));
    }

    @Test
    void rangeSchemataGetTheReverseProperties() {
        Schema company = model.requireSchema("Company");
        assertNotNull(company.getProperty("transfersSupplied"), "reverse of Transfer:supplier");
        assertNotNull(company.getProperty("agreements"), "reverse of Agreement:parties");
        assertEquals("supplier", company.getProperty("transfersSupplied").getReverse().orElseThrow().getName());
    }

    @Test
    void extensionSchemataAreKnownAsSuch() {
        assertTrue(model.isExtension(model.requireSchema("Transfer")));
        assertTrue(!model.isExtension(model.requireSchema("Person")));
    }

    @Test
    void builderRejectsAPropertyTheSchemaDoesNotHave() {
        EntityBuilder builder = Entity.builder(model.requireSchema("Person"), "p1", "test");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> builder.add("imoNumber", "123"));
        assertTrue(error.getMessage().contains("imoNumber"));
    }
}
