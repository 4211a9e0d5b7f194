package org.convergence.lists.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;

/**
 * Rows of the first sheet of an OpenDocument spreadsheet (.ods): a zip archive whose content.xml is
 * read as a stream, so a sheet of any length needs no more memory than a row.
 *
 * <p>The format compresses runs: {@code table:number-columns-repeated} repeats a cell and
 * {@code table:number-rows-repeated} a row, and spreadsheet programs write the unused rest of the
 * sheet (a million empty rows, sixteen thousand empty columns) that way. Empty runs are never expanded;
 * a repeated row that holds data is reported, since a list row appears once. A cell's value is its
 * text ({@code text:p} paragraphs joined by line breaks, {@code text:line-break}, {@code text:s}
 * spaces, {@code text:tab}); a date, number or boolean cell gives its typed value instead (a date as
 * ISO yyyy-MM-dd), which does not depend on the display format. Rows are padded with empty cells to
 * the width of the first row (the header), since trailing empty cells are not written.
 */
public final class OdsRows implements TableRows {
    private static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private static final String OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private static final String MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";
    /** More columns than any list has: data beyond this is not a list. */
    private static final int MAX_COLUMNS = 1_024;
    /** Spaces one text:s element may stand for; a larger count is garbage, not layout. */
    private static final int MAX_SPACES = 1_000;

    private final String name;
    private final ZipFile zip;
    private final InputStream content;
    private final XMLStreamReader xml;
    private int rowNumber;
    private int width = -1;
    private boolean ended;

    public OdsRows(Path file) {
        this.name = file.getFileName().toString();
        if (!Files.exists(file)) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        }
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": not a readable zip archive (" + e.getMessage()
                    + "); an OpenDocument spreadsheet is one: is the file truncated?", e);
        }
        try {
            requireSpreadsheet();
            ZipEntry entry = zip.getEntry("content.xml");
            if (entry == null) {
                throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": no content.xml in the archive; is this an OpenDocument spreadsheet?");
            }
            this.content = zip.getInputStream(entry);
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            this.xml = factory.createXMLStreamReader(content);
            toFirstSheet();
        } catch (IOException e) {
            close();
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": cannot read the archive (" + e.getMessage()
                    + "); is the file truncated or damaged?", e);
        } catch (XMLStreamException e) {
            close();
            throw malformed(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The mimetype entry tells an ODS from the other zip-based formats (.xlsx, .odt) it could be confused with. */
    private void requireSpreadsheet() throws IOException {
        ZipEntry entry = zip.getEntry("mimetype");
        String type = null;
        if (entry != null) {
            try (InputStream in = zip.getInputStream(entry)) {
                type = new String(in.readNBytes(200), StandardCharsets.US_ASCII).strip();
            }
        }
        if (!MIMETYPE.equals(type)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": the archive's mimetype is "
                    + (type == null ? "missing" : "'" + type + "'") + ", expected " + MIMETYPE
                    + ": is this an OpenDocument spreadsheet (.ods), not an .xlsx or a text document?");
        }
    }

    private void toFirstSheet() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && is(TABLE, "table")) {
                return;
            }
        }
        throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": content.xml has no sheet (table:table)");
    }

    private ConvergenceException malformed(XMLStreamException e) {
        var location = e.getLocation();
        return new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": content.xml" + (location == null ? "" : ":" + location.getLineNumber())
                + " after sheet row " + rowNumber + ": malformed XML (" + String.valueOf(e.getMessage()).replaceAll("\\s+", " ")
                + "); is the file truncated or damaged?", e);
    }

    @Override
    public TableRow next() {
        if (ended) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && is(TABLE, "table-row")) {
                    return readRow();
                }
                if (event == XMLStreamConstants.END_ELEMENT && is(TABLE, "table")) {
                    ended = true;
                    return null;
                }
            }
            ended = true;
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ": content.xml ends inside the sheet after row " + rowNumber
                    + "; is the file truncated?");
        } catch (XMLStreamException e) {
            ended = true;
            throw malformed(e);
        }
    }

    private TableRow readRow() throws XMLStreamException {
        long repeat = count(TABLE, "number-rows-repeated");
        List<String> cells = new ArrayList<>();
        long blanks = 0;
        String where = name + " row " + (rowNumber + 1);
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if (!is(TABLE, "table-cell") && !is(TABLE, "covered-table-cell")) {
                skipElement();
                continue;
            }
            long columns = count(TABLE, "number-columns-repeated");
            String value = cellValue();
            if (value.isEmpty()) {
                blanks += columns;
            } else {
                if (cells.size() + blanks + columns > MAX_COLUMNS) {
                    skipRest();
                    rowNumber += (int) Math.min(repeat, Integer.MAX_VALUE - rowNumber);
                    throw new InvalidRecordException(where, "data beyond column " + MAX_COLUMNS + "; a list has fewer columns");
                }
                for (; blanks > 0; blanks--) {
                    cells.add("");
                }
                for (long i = 0; i < columns; i++) {
                    cells.add(value);
                }
            }
        }
        rowNumber += (int) Math.min(repeat, Integer.MAX_VALUE - rowNumber);
        if (cells.isEmpty()) {
            return new TableRow(where, cells);
        }
        if (repeat > 1) {
            throw new InvalidRecordException(where, "the row is repeated " + repeat + " times (table:number-rows-repeated); a list row appears once");
        }
        if (width < 0) {
            width = cells.size();
        }
        while (cells.size() < width) {
            cells.add("");
        }
        return new TableRow(where, cells);
    }

    /** Consumes the rest of the current row after a row that cannot be used, so reading can go on with the next. */
    private void skipRest() throws XMLStreamException {
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            skipElement();
        }
    }

    /** The cell's value; the reader is left on the cell's end tag. */
    private String cellValue() throws XMLStreamException {
        String type = xml.getAttributeValue(OFFICE, "value-type");
        String typed = switch (type == null ? "" : type) {
            case "date" -> datePart(xml.getAttributeValue(OFFICE, "date-value"));
            case "float", "percentage", "currency" -> xml.getAttributeValue(OFFICE, "value");
            case "boolean" -> xml.getAttributeValue(OFFICE, "boolean-value");
            default -> null;
        };
        String text = cellText();
        return typed != null ? typed : text;
    }

    private static String datePart(String dateValue) {
        if (dateValue == null) {
            return null;
        }
        int time = dateValue.indexOf('T');
        return time < 0 ? dateValue : dateValue.substring(0, time);
    }

    /** The text of the current cell: paragraphs joined by line breaks; white space between elements is layout and left out. */
    private String cellText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        int paragraphDepth = 0;
        int paragraphs = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (is(OFFICE, "annotation")) {
                    skipElement();
                    depth--;
                } else if (is(TEXT, "p") || is(TEXT, "h")) {
                    if (paragraphDepth == 0 && paragraphs++ > 0) {
                        text.append('\n');
                    }
                    paragraphDepth++;
                } else if (is(TEXT, "line-break")) {
                    text.append('\n');
                } else if (is(TEXT, "tab")) {
                    text.append('\t');
                } else if (is(TEXT, "s")) {
                    text.repeat(' ', (int) Math.min(count(TEXT, "c"), MAX_SPACES));
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 0) {
                    return text.toString();
                }
                depth--;
                if (is(TEXT, "p") || is(TEXT, "h")) {
                    paragraphDepth--;
                }
            } else if (paragraphDepth > 0 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                text.append(xml.getText());
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside a cell");
            }
        }
    }

    /** Skips the current element with everything in it; the reader is left on its end tag. */
    private void skipElement() throws XMLStreamException {
        for (int depth = 1; depth > 0; ) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("the document ends inside an element");
            }
        }
    }

    /**
     * A repeat count attribute: 1 when absent, at most Integer.MAX_VALUE; a count that is not a positive
     * number is malformed content.
     */
    private long count(String namespace, String attribute) throws XMLStreamException {
        String value = xml.getAttributeValue(namespace, attribute);
        if (value == null) {
            return 1;
        }
        try {
            long count = Long.parseLong(value.strip());
            if (count < 1) {
                throw new NumberFormatException("not positive");
            }
            return Math.min(count, Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new XMLStreamException(attribute + "='" + value + "' is not a positive count", xml.getLocation());
        }
    }

    private boolean is(String namespace, String localName) {
        return localName.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
    }

    @Override
    public void close() {
        try {
            if (xml != null) {
                xml.close();
            }
        } catch (XMLStreamException e) {
            // Reading is over; nothing is lost by a failed close.
        }
        try {
            if (content != null) {
                content.close();
            }
            zip.close();
        } catch (IOException e) {
            // As above.
        }
    }
}
