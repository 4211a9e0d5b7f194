package org.convergence.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.convergence.ConvergenceException;
import org.convergence.InvalidRecordException;
import org.convergence.lists.tabular.DelimitedRows;
import org.convergence.lists.tabular.OdsRows;
import org.convergence.lists.tabular.TableRow;
import org.convergence.lists.tabular.TableRows;
import org.convergence.lists.uk.UkSanctionsListReader;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table readers under the list readers: delimited text and OpenDocument spreadsheets, on hand-written files. */
class TableRowsTest {
    private static final String NAMESPACES = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"";

    @TempDir
    Path folder;

    private static List<TableRow> rows(TableRows table) {
        try (table) {
            List<TableRow> rows = new ArrayList<>();
            for (TableRow row; (row = table.next()) != null; ) {
                rows.add(row);
            }
            return rows;
        }
    }

    /** An .ods with the given sheets (table:table elements) in its content.xml. */
    static Path ods(Path file, String mimetype, String tables) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            if (mimetype != null) {
                zip.putNextEntry(new ZipEntry("mimetype"));
                zip.write(mimetype.getBytes(StandardCharsets.US_ASCII));
            }
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + NAMESPACES
                    + "><office:body><office:spreadsheet>" + tables + "</office:spreadsheet></office:body></office:document-content>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String cell(String content) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + content + "</text:p></table:table-cell>";
    }

    @Test
    void delimitedRowsAreLocatedByTheLineTheyStartOn() throws IOException {
        Path file = Files.writeString(folder.resolve("list.csv"),
                "\uFEFFid,name,note\r\n1,\"Smith, John\",\"two\nlines\"\r\n\r\n2,\"say \"\"hi\"\"\",\u00e9\u4e2d\ud83d\ude00\r\n3,last,no newline");
        List<TableRow> rows = rows(new DelimitedRows(file, ','));
        assertEquals(List.of("list.csv:1", "list.csv:2", "list.csv:4", "list.csv:5", "list.csv:6"), rows.stream().map(TableRow::where).toList());
        assertEquals(List.of("id", "name", "note"), rows.get(0).cells(), "the byte order mark is not part of the first name");
        assertEquals(List.of("1", "Smith, John", "two\nlines"), rows.get(1).cells());
        assertTrue(rows.get(2).blank());
        assertEquals(List.of("2", "say \"hi\"", "\u00e9\u4e2d\ud83d\ude00"), rows.get(3).cells());
        assertEquals(List.of("3", "last", "no newline"), rows.get(4).cells());
    }

    @Test
    void odsCellsGiveTheirTextOrTypedValueAndRunsOfEmptyCellsAndRowsStayCompressed() throws IOException {
        Path file = ods(folder.resolve("sheet.ods"), "application/vnd.oasis.opendocument.spreadsheet", "<table:table table:name=\"one\">"
                + "<table:table-column table:number-columns-repeated=\"16384\"/>"
                + "<table:table-row>" + cell("A") + cell("B") + cell("C") + cell("D") + "<table:table-cell table:number-columns-repeated=\"16380\"/></table:table-row>"
                + "<table:table-row><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"2\"><text:p>x</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"date\" office:date-value=\"2024-02-29T00:00:00\"><text:p>29/02/2024</text:p></table:table-cell>"
                + "<table:table-cell office:value-type=\"string\">\n  <text:p>line one<text:line-break/>line two</text:p>\n  "
                + "<text:p>para<text:s text:c=\"3\"/>end<text:tab/>!</text:p><office:annotation><text:p>a comment</text:p></office:annotation>"
                + "</table:table-cell><table:table-cell table:number-columns-repeated=\"16380\"/></table:table-row>"
                + "<table:table-row><table:table-cell office:value-type=\"float\" office:value=\"12703\"><text:p>12,703</text:p></table:table-cell></table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"1048572\"><table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
                + "</table:table><table:table table:name=\"two\"><table:table-row>" + cell("not read") + "</table:table-row></table:table>");
        List<TableRow> rows = rows(new OdsRows(file));
        assertEquals(4, rows.size(), "the million empty rows are one row, and the second sheet is not read");
        assertEquals(List.of("A", "B", "C", "D"), rows.get(0).cells());
        assertEquals(List.of("x", "x", "2024-02-29", "line one\nline two\npara   end\t!"), rows.get(1).cells());
        assertEquals("sheet.ods row 2", rows.get(1).where());
        assertEquals(List.of("12703", "", "", ""), rows.get(2).cells(), "padded to the header's width");
        assertTrue(rows.get(3).blank());
    }

    @Test
    void aRepeatedOdsRowWithDataIsAnInvalidRecordAndReadingGoesOn() throws IOException {
        Path file = ods(folder.resolve("repeated.ods"), "application/vnd.oasis.opendocument.spreadsheet", "<table:table>"
                + "<table:table-row>" + cell("id") + "</table:table-row>"
                + "<table:table-row table:number-rows-repeated=\"2\">" + cell("1") + "</table:table-row>"
                + "<table:table-row>" + cell("2") + "</table:table-row></table:table>");
        try (OdsRows rows = new OdsRows(file)) {
            assertEquals(List.of("id"), rows.next().cells());
            InvalidRecordException error = assertThrows(InvalidRecordException.class, rows::next);
            assertEquals("repeated.ods row 2", error.location());
            TableRow next = rows.next();
            assertEquals("repeated.ods row 4", next.where());
            assertEquals(List.of("2"), next.cells());
            assertNull(rows.next());
        }
    }

    @Test
    void aZipThatIsNoSpreadsheetOrHoldsMalformedXmlIsReported() throws IOException {
        Path noMimetype = ods(folder.resolve("book.ods"), null, "<table:table/>");
        ConvergenceException missing = assertThrows(ConvergenceException.class, () -> new OdsRows(noMimetype));
        assertTrue(missing.getMessage().startsWith("book.ods: the archive's mimetype is missing"), missing.getMessage());

        Path text = ods(folder.resolve("text.ods"), "application/vnd.oasis.opendocument.text", "<table:table/>");
        assertTrue(assertThrows(ConvergenceException.class, () -> new OdsRows(text)).getMessage().contains("'application/vnd.oasis.opendocument.text'"));

        Path broken = ods(folder.resolve("broken.ods"), "application/vnd.oasis.opendocument.spreadsheet",
                "<table:table><table:table-row>" + cell("id") + "</table:table-row><table:table-row><table:table-cell><text:p>1</table:table-cell>");
        try (OdsRows rows = new OdsRows(broken)) {
            rows.next();
            ConvergenceException error = assertThrows(ConvergenceException.class, rows::next);
            assertTrue(error.getMessage().startsWith("broken.ods: content.xml:1 after sheet row 1: malformed XML"), error.getMessage());
        }
    }

    @Test
    void aDateCellOfTheUkListGivesTheSameListingDateAsTheWrittenDate() throws IOException {
        String header = String.join("", List.of("Unique ID", "OFSI Group ID", "Name", "Regime Name", "Type", "Designation source", "Date Designated",
                "Sanctions Imposed").stream().map(TableRowsTest::cell).toList());
        String row = cell("RUS0001") + cell("12944") + cell("Kiselyov Dmitry Konstantinovich") + cell("Russia") + cell("Individual") + cell("UK")
                + "<table:table-cell office:value-type=\"date\" office:date-value=\"2020-12-31\"><text:p>31/12/2020</text:p></table:table-cell>"
                + cell("Asset freeze");
        Path file = ods(folder.resolve("uk.ods"), "application/vnd.oasis.opendocument.spreadsheet",
                "<table:table><table:table-row>" + header + "</table:table-row><table:table-row>" + row + "</table:table-row></table:table>");
        List<Entity> entities = UkSanctionsListReaderTest.read(file);
        assertEquals(List.of("2020-12-31"), entities.get(1).values("listingDate"));
    }
}
