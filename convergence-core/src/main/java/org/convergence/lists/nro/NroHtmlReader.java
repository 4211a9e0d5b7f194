package org.convergence.lists.nro;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.ConvergenceException;
import org.convergence.ErrorCategory;
import org.convergence.InvalidRecordException;
import org.convergence.ingest.EntitySource;
import org.convergence.lists.ListDates;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Reads Canada's list of Named Research Organizations (Policy on Sensitive Technology Research and
 * Affiliations of Concern) from its official web page on science.gc.ca, the list's only
 * machine-readable form. The page lists every organisation alphabetically, as
 * {@code <li><strong>name</strong> (country) <p>Known alias(es): a; b</p></li>}; there are no
 * country headings. Each becomes an Organization and a Sanction-like listing under the policy.
 *
 * <p>Ids are {@code ca-nro-<country code>-<slug of the name>}: the list has no identifiers of its
 * own, and the name within its country is what stays stable between versions of the page.
 * The data date is the page's "Date modified".
 */
public final class NroHtmlReader implements EntitySource {
    public static final String SOURCE_URL = "https://science.gc.ca/site/science/en/safeguarding-your-research/"
            + "guidelines-and-tools-implement-research-security/sensitive-technology-research-and-affiliations-concern/"
            + "named-research-organizations";
    public static final String PROGRAM = "Policy on Sensitive Technology Research and Affiliations of Concern: Named Research Organizations";
    /** The authority when the page does not name its publisher (dcterms.publisher). */
    private static final String GOVERNMENT = "Government of Canada";
    private static final String ALIAS_LABEL = "Known alias(es):";
    private static final Pattern COUNTRY = Pattern.compile("\\((.+)\\)");
    /** Country names the page uses that Locale's English names do not match. */
    private static final Map<String, String> COUNTRY_CODES = Map.of("people's republic of china", "cn");

    private final Path file;
    private final String dataset;
    private final ConvergenceModel model;
    private final long size;
    private final List<Element> items;
    private final String authority;
    private final String dataDate;
    private final List<Entity> pending = new ArrayList<>(2);
    private final Set<String> keys = new HashSet<>();
    private int record;

    public NroHtmlReader(Path file, String dataset, ConvergenceModel model) {
        this.file = file;
        this.dataset = dataset;
        this.model = model;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConvergenceException(ErrorCategory.NOT_FOUND, file + ": no such file");
        } catch (IOException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
        }
        this.size = bytes.length;
        Document page = Jsoup.parse(utf8(bytes), SOURCE_URL, Parser.htmlParser().setTrackPosition(true));
        Element heading = page.selectFirst("h1");
        if (heading == null || !heading.text().contains("Named Research Organizations")) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": the page's heading is "
                    + (heading == null ? "missing" : "'" + heading.text() + "'")
                    + ", expected 'Named Research Organizations': is this Canada's NRO page (science.gc.ca)?");
        }
        this.items = page.select("main li:has(> strong)");
        if (items.isEmpty()) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file
                    + ": no organisations, expected list items <li><strong>name</strong> (country)</li> in the page's main content");
        }
        // The footer comes after the list, so a page without it was cut short.
        Element modified = page.selectFirst("time[property=dateModified]");
        if (modified == null) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file
                    + ": no 'Date modified' (<time property=\"dateModified\">) after the list: is the file truncated?");
        }
        this.dataDate = ListDates.iso(modified.text(), "yyyy-MM-dd", "dateModified", file.getFileName() + " page footer");
        if (!ListDates.plausible(dataDate)) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": dateModified " + dataDate + " is not a plausible date");
        }
        Element publisher = page.selectFirst("meta[name=dcterms.publisher]");
        this.authority = publisher == null || publisher.attr("content").isBlank() ? GOVERNMENT : publisher.attr("content").strip();
    }

    /** The page declares UTF-8; other bytes mean another encoding, which would garble names. */
    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ConvergenceException(ErrorCategory.INVALID_INPUT, file + ": not UTF-8 text (" + e.getMessage()
                    + "): the page is published in UTF-8; was it saved in another encoding?", e);
        }
    }

    @Override
    public Entity next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        if (record >= items.size()) {
            return null;
        }
        Element item = items.get(record++);
        String where = file.getFileName() + ":" + item.sourceRange().start().lineNumber() + " item " + record;
        pending.addAll(entities(item, where));
        return pending.removeFirst();
    }

    private List<Entity> entities(Element item, String where) {
        String name = null;
        List<String> aliases = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Element child : item.children()) {
            String text = child.text().strip();
            if (name == null && child.tagName().equals("strong")) {
                name = text;
            } else if (text.startsWith(ALIAS_LABEL)) {
                for (String alias : text.substring(ALIAS_LABEL.length()).split(";")) {
                    aliases.add(alias.strip());
                }
            } else {
                notes.add(text);
            }
        }
        if (name == null || name.isEmpty()) {
            throw new InvalidRecordException(where, "name: expected the organisation's name in <strong>");
        }
        String afterName = item.ownText().replace('\u00a0', ' ').strip();
        Matcher country = COUNTRY.matcher(afterName);
        if (!country.matches()) {
            throw new InvalidRecordException(where + " (" + name + ")", "country: expected '(country)' after the name, found '"
                    + afterName + "'");
        }
        String countryName = country.group(1).strip();
        String code = countryCode(countryName);
        String key = (code != null ? code : slug(countryName)) + "-" + slug(name);
        if (key.endsWith("-")) {
            throw new InvalidRecordException(where, "name: '" + name + "' has no Latin letters or digits to build an id from");
        }
        if (!keys.add(key)) {
            throw new InvalidRecordException(where, "name: '" + name + "' (" + countryName + ") is listed twice");
        }

        String id = "ca-nro-" + key;
        EntityBuilder organization = Entity.builder(model.requireSchema("Organization"), id, dataset).source(where)
                .add("name", name, "eng", null);
        for (String alias : aliases) {
            if (!alias.equals(name)) {
                organization.add("alias", alias);
            }
        }
        if (code != null) {
            organization.add("country", code);
        } else {
            organization.add("notes", "Country: " + countryName);
        }
        notes.forEach(note -> organization.add("notes", note));
        // As OpenSanctions tags this list: a restriction on research co-operation, not a sanction.
        organization.add("topics", "export.control").add("sourceUrl", SOURCE_URL);

        EntityBuilder listing = Entity.builder(model.requireSchema("Sanction"), "ca-nro-sanction-" + key, dataset).source(where)
                .add("entity", id).add("authority", authority).add("program", PROGRAM).add("country", "ca")
                .add("sourceUrl", SOURCE_URL);
        return List.of(organization.build(), listing.build());
    }

    /** "People’s Republic of China" to "cn", "Russia" to "ru"; null when the name is not a country's. */
    static String countryCode(String name) {
        String normal = name.replace('’', '\'').replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        String code = COUNTRY_CODES.get(normal);
        if (code != null) {
            return code;
        }
        for (String iso : Locale.getISOCountries()) {
            if (Locale.of("", iso).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(normal)) {
                return iso.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** Lower-case ASCII letters and digits joined by hyphens: "Air Force Xi’an Flight Academy" to "air-force-xi-an-flight-academy". */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** The page's "Date modified". */
    @Override
    public String dataDate() {
        return dataDate;
    }

    /** Bytes of the page, in proportion to the organisations read (the page is parsed whole). */
    @Override
    public long position() {
        return size * record / items.size();
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void close() {
        // The page was read whole in the constructor; nothing is open.
    }
}
