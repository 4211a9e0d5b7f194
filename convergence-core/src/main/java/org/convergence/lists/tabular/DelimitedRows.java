package org.convergence.lists.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;

/**
 * Rows of a UTF-8 delimited text file (CSV, or tab-separated with quoted fields) as RFC 4180 writes
 * them: a field in double quotes may hold separators, line breaks and doubled quotes. Each row is
 * located by the physical line it starts on, which is what an editor shows; a parser that only counts
 * records would point past every multi-line cell before it.
 *
 * <p>Bytes that are not UTF-8 end the reading with the line they are on, rather than being replaced
 * silently; the text is decoded character by character for that, since a buffering decoder fails
 * thousands of characters ahead of the row being read. A quote that is never closed (a truncated
 * file) ends the reading with the line it opened on.
 */
public final class DelimitedRows implements TableRows {
    private static final int NONE = -2;

    private final String name;
    private final char separator;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** The second half of a character outside the Basic Multilingual Plane, or -1. */
    private int lowSurrogate = -1;
    private int line = 1;
    private int lookahead = NONE;
    private boolean started;
    private boolean ended;

    public DelimitedRows(Path file, char separator) {
        this.name = file.getFileName().toString();
        this.separator = separator;
        try {
            this.in = new BufferedInputStream(Files.newInputStream(file));
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public TableRow next() {
        if (ended) {
            return null;
        }
        try {
            return readRow();
        } catch (CharacterCodingException e) {
            ended = true;
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ":" + line
                    + ": not UTF-8 text (" + e.getMessage() + "); expected a UTF-8 file", e);
        } catch (IOException e) {
            ended = true;
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ":" + line + ": cannot read: " + e.getMessage(), e);
        }
    }

    private TableRow readRow() throws IOException {
        int start = line;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean empty = true;
        while (true) {
            int c = read();
            if (c < 0) {
                ended = true;
                if (quoted) {
                    throw new ConvergenceException(ErrorCategory.INVALID_INPUT, name + ":" + start
                            + ": a quoted field opened in the row starting on this line is not closed by the end of the file; is the file truncated?");
                }
                if (empty) {
                    return null;
                }
                cells.add(cell.toString());
                return new TableRow(name + ":" + start, cells);
            }
            empty = false;
            if (quoted) {
                if (c == '"' && peek() == '"') {
                    read();
                    cell.append('"');
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append((char) c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                cells.add(cell.toString());
                return new TableRow(name + ":" + start, cells);
            } else {
                // A quote inside an unquoted field, or text after a closing quote, is kept as written.
                cell.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        int c;
        if (lookahead != NONE) {
            c = lookahead;
            lookahead = NONE;
        } else {
            c = decode();
        }
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return read();
            }
        }
        return c;
    }

    private int peek() throws IOException {
        if (lookahead == NONE) {
            lookahead = decode();
        }
        return lookahead;
    }

    /** The next character, or -1 at the end. */
    private int decode() throws IOException {
        if (lowSurrogate >= 0) {
            int c = lowSurrogate;
            lowSurrogate = -1;
            return c;
        }
        int first = in.read();
        if (first < 0x80) {
            return first;
        }
        int length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1;
        byte[] bytes = new byte[length];
        bytes[0] = (byte) first;
        int read = 1;
        for (int next; read < length && (next = in.read()) >= 0; read++) {
            bytes[read] = (byte) next;
        }
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, 0, read));
        if (chars.length() == 2) {
            lowSurrogate = chars.charAt(1);
        }
        return chars.charAt(0);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Reading is over; nothing is lost by a failed close.
        }
    }
}
