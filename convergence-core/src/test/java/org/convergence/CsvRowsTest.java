package org.convergence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAreWrittenAsText() {
        StringWriter out = new StringWriter();
        try (CsvRows rows = CsvRows.start(out, List.of("name", "score"), "a test")) {
            rows.write(List.of("=HYPERLINK(\"https://attacker.example\",\"open\")", "0.97"));
            rows.write(List.of("+7 495 000", "-0.25"));
            rows.write(List.of("@SUM(A1:A9)", "-1e3"));
            rows.write(List.of("-cmd|' /C calc'!A0", "12"));
        }
        assertThat(out.toString().lines().toList()).containsExactly("name,score",
                "\"'=HYPERLINK(\"\"https://attacker.example\"\",\"\"open\"\")\",0.97",
                "'+7 495 000,-0.25",
                "'@SUM(A1:A9),-1e3",
                "'-cmd|' /C calc'!A0,12");
    }

    @Test
    void ordinaryTextAndNumbersAreLeftAsTheyAre() {
        assertThat(CsvRows.safe("Rosoboronexport")).isEqualTo("Rosoboronexport");
        assertThat(CsvRows.safe("-5")).isEqualTo("-5");
        assertThat(CsvRows.safe("")).isEmpty();
        assertThat(CsvRows.safe(null)).isEmpty();
        assertThat(CsvRows.safe("\tpadded")).isEqualTo("'\tpadded");
    }
}
