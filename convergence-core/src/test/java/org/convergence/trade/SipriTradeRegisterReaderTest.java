package org.convergence.trade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.Statement;
import org.convergence.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole SIPRI trade register, read in place from ../shared/data. */
class SipriTradeRegisterReaderTest {
    private static List<Entity> transfers;
    private static int states;
    private static String dataDate;

    @BeforeAll
    static void readRegister() {
        Path file = SharedData.require("trade/sipri/sipri_trade-register_all_2025-03-13.csv");
        transfers = new ArrayList<>();
        try (SipriTradeRegisterReader reader = new SipriTradeRegisterReader(file, "sipri", ConvergenceModel.standard())) {
            dataDate = reader.dataDate();
            for (Entity entity; (entity = reader.next()) != null; ) {
                if (entity.schema().getName().equals("Transfer")) {
                    transfers.add(entity);
                } else {
                    states++;
                }
            }
        }
    }

    private static boolean between(Entity transfer, String supplier, String recipient) {
        return transfer.values("supplier").equals(List.of(supplier)) && transfer.values("recipient").equals(List.of(recipient));
    }

    private static Entity deal(String recipient, String item, String year) {
        return transfers.stream().filter(t -> t.values("recipient").equals(List.of(recipient)) && t.values("item").equals(List.of(item))
                && t.values("orderDate").equals(List.of(year))).findFirst().orElseThrow();
    }

    @Test
    void everyDealOfTheRegisterIsATransferIncludingRecordsBrokenOverTwoLines() {
        assertEquals(29_515, transfers.size());
        assertEquals("2025-03-13", dataDate);
        assertTrue(states > 100, "one entity per state: " + states);
        Entity broken = deal("sipri-state-cote-d-ivoire", "vehicle engine", "2024");
        assertEquals("Cummins (275hp) diesel engine for 12 Puma M-36 APC from South Africa", broken.first("description"));
        assertTrue(broken.first("summary").contains("per unit 0.03, total order 0.36, delivered 0"), broken.first("summary"));
    }

    @Test
    void russianAndSovietDealsWithChinaMatchAnIndependentCountOfTheSubset() throws IOException {
        Path subset = SharedData.require("trade/sipri/sipri_russia-ussr_china_subset_utf8.csv");
        long expected = Files.readAllLines(subset, StandardCharsets.UTF_8).stream().skip(1)
                .filter(line -> line.startsWith("China,Russia,") || line.startsWith("China,Soviet Union,")).count();
        long found = transfers.stream().filter(t -> between(t, "sipri-state-russia", "sipri-state-china")
                || between(t, "sipri-state-soviet-union", "sipri-state-china")).count();
        assertEquals(181, expected);
        assertEquals(expected, found);
    }

    @Test
    void su35OrderOf2015() {
        Entity su35 = deal("sipri-state-china", "Su-35S", "2015");
        assertEquals(List.of("sipri-state-russia"), su35.values("supplier"));
        assertEquals(List.of("24"), su35.values("quantity"));
        assertEquals(List.of("2016", "2017", "2018"), su35.values("deliveryDate"));
        assertEquals("$2 b deal; Su-35S version", su35.first("description"));
        assertEquals(List.of(SipriTradeRegisterReader.PUBLISHER), su35.values("publisher"));
    }

    @Test
    void s400OrderOf2015KeepsItsUncertainQuantity() {
        Entity s400 = deal("sipri-state-china", "S-400 Triumf", "2015");
        assertEquals(List.of("8"), s400.values("quantity"));
        Statement quantity = s400.statements().stream().filter(s -> s.property().equals("quantity")).findFirst().orElseThrow();
        assertEquals("8?", quantity.originalValue());
        assertTrue(s400.first("summary").contains("uncertain: number ordered"));
        assertEquals(List.of("2018", "2019"), s400.values("deliveryDate"));
    }

    @Test
    void idsAreDeterministic() {
        Path file = SharedData.require("trade/sipri/sipri_trade-register_all_2025-03-13.csv");
        try (SipriTradeRegisterReader again = new SipriTradeRegisterReader(file, "sipri", ConvergenceModel.standard())) {
            List<String> ids = new ArrayList<>();
            for (Entity entity; (entity = again.next()) != null; ) {
                if (entity.schema().getName().equals("Transfer")) {
                    ids.add(entity.id());
                }
            }
            assertEquals(transfers.stream().map(Entity::id).toList(), ids);
            assertEquals(ids.size(), ids.stream().distinct().count());
        }
    }

    @Test
    void fileOfAnotherFormatIsRejectedWithAHint(@TempDir Path folder) throws IOException {
        Path other = Files.writeString(folder.resolve("other.csv"), "name,country\nIvan,ru\n");
        ConvergenceException error = assertThrows(ConvergenceException.class,
                () -> new SipriTradeRegisterReader(other, "sipri", ConvergenceModel.standard()));
        assertTrue(error.getMessage().contains("is this a SIPRI trade register CSV export?"), error.getMessage());
    }
}
