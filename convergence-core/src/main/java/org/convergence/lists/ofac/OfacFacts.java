package org.convergence.lists.ofac;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.lists.ofac.OfacEntry.Alias;
import org.convergence.lists.ofac.OfacEntry.Fact;

/**
 * The kinds of facts OFAC states about an entry, and where each goes in FtM. The CSV writes them into
 * the Remarks column ("DOB 12 Jan 1960; Passport X123 (Iran); alt. Email Address ..."), the XML into
 * idList/id (idType, idNumber, idCountry) and a few lists of their own; both name them alike, so one
 * table serves both formats. A fact of a kind not in the table stays in the remarks (CSV) or becomes
 * a note (XML).
 */
final class OfacFacts {

    /** How a fact's value becomes a property value. */
    enum Kind {
        /** Text as written. */
        TEXT,
        /** An identifier; "IMO 1234567" becomes an imoNumber wherever it appears. */
        IDENTIFIER,
        /** A date in OFAC's form ("12 Jan 1960", "Jan 1960", "1960", "circa 1960", "1960 to 1962"). */
        DATE,
        /** A country name, mapped to its ISO code. */
        COUNTRY,
        /** Male or Female. */
        GENDER,
        /** A number with thousands separators ("318,000"). */
        NUMBER,
        /** A date of the Sanction: the listing under a directive or list (listingDate), its effective date (startDate). */
        SANCTION_DATE,
        /** A measure that applies to the entry (directives, secondary sanctions risk): the Sanction's provisions. */
        PROVISION
    }

    /**
     * One kind of fact.
     *
     * @param key the names OFAC gives the fact, as a regular expression
     * @param property the FtM property, or null when the fact has none (it becomes a note)
     */
    record Rule(Pattern key, String property, Kind kind) {}

    /** Rules in the order they are tried; a longer key that starts like a shorter one comes first. */
    private static final List<Rule> RULES = new ArrayList<>();

    static {
        rule("DOB", "birthDate", Kind.DATE);
        rule("POB", "birthPlace", Kind.TEXT);
        rule("Nationality of Registration", "jurisdiction", Kind.COUNTRY);
        rule("nationality", "nationality", Kind.COUNTRY);
        rule("citizen", "citizenship", Kind.COUNTRY);
        rule("Gender", "gender", Kind.GENDER);
        rule("Title", "position", Kind.TEXT);
        rule("(?:Diplomatic |British National Overseas |Stateless Person )?Passport", "passportNumber", Kind.IDENTIFIER);
        rule("SSN", "socialSecurityNumber", Kind.IDENTIFIER);
        rule("National ID No\\.|National Foreign ID Number|Identification Number|Turkish Identification Number|Cedula No\\."
                + "|C\\.U\\.R\\.P\\.?|D\\.N\\.I\\.|C\\.U\\.I\\.P\\.|C\\.U\\.I\\.|N\\.I\\.E\\.|I\\.F\\.E\\.|Personal ID Card"
                + "|Citizen's Card Number|Kenyan ID No\\.|Bosnian Personal ID No\\.|Moroccan Personal ID No\\.|Tazkira National ID Card"
                + "|Numero de Identidad|Credencial electoral|Electoral Registry No\\.|Residency Number|CNP \\(Personal Numerical Code\\)"
                + "|Romanian Permanent Resident|Driver's License No\\.|Travel Document Number|Stateless Person ID Card|Refugee ID Card"
                + "|Seafarer's Identification Document|Cartilla de Servicio Militar Nacional|Birth Certificate Number|Immigration No\\."
                + "|VisaNumberID|UAE Identification|Public Security and Immigration No\\.|SRE Permit No\\.?", "idNumber", Kind.IDENTIFIER);
        rule("Tax ID No\\.|R\\.F\\.C\\.|RFC|RUC #|NIT #|C\\.U\\.I\\.T\\.|RIF #|RTN|Italian Fiscal Code|Fiscal Code|C\\.I\\.F\\.|N\\.I\\.F\\."
                + "|Romanian Tax Registration|Paraguayan tax identification number|US FEIN"
                + "|Numero Unico de Identificacao Tributaria \\(NUIT\\)", "taxNumber", Kind.IDENTIFIER);
        rule("V\\.A\\.T\\. Number", "vatCode", Kind.IDENTIFIER);
        rule("Government Gazette Number", "okpoCode", Kind.IDENTIFIER);
        rule("Registration Number|Registration ID|Business Registration Number|Business Registration Document #"
                + "|Commercial Registry Number|UK Company Number|Company Number|Public Registration Number|Certificate of Incorporation Number"
                + "|C\\.R\\. No\\.|Romanian C\\.R\\.|Chamber of Commerce Number|Istanbul Chamber of Comm\\. No\\."
                + "|Dubai Chamber of Commerce Membership No\\.|Matricula Mercantil No|Folio Mercantil No\\."
                + "|Unified Social Credit Code \\(USCC\\)|United Social Credit Code Certificate \\(USCCC\\)|Enterprise Number|Business Number"
                + "|Registered Charity No\\.|RSIN|Economic Register Number \\(CBLS\\)|Central Registration System Number|Chinese Commercial Code"
                + "|Organization Code|LE Number|Vessel Registration Identification", "registrationNumber", Kind.IDENTIFIER);
        rule("Trade License No\\.|Tourism License No\\.|Pilot License Number|MSB Registration Number"
                + "|Afghan Money Service Provider License Number|License", "licenseNumber", Kind.IDENTIFIER);
        rule("Legal Entity Number", "leiCode", Kind.IDENTIFIER);
        rule("SWIFT/BIC", "swiftBic", Kind.IDENTIFIER);
        rule("BIK \\(RU\\)", "bikCode", Kind.IDENTIFIER);
        rule("D-U-N-S Number", "dunsCode", Kind.IDENTIFIER);
        rule("ISIN", "isinCode", Kind.IDENTIFIER);
        rule("Equity Ticker", "ticker", Kind.IDENTIFIER);
        rule("Email Address", "email", Kind.TEXT);
        rule("Website", "website", Kind.TEXT);
        rule("Phone Number", "phone", Kind.TEXT);
        rule("Organization Established Date", "incorporationDate", Kind.DATE);
        rule("Organization Type:", "sector", Kind.TEXT);
        rule("MMSI", "mmsi", Kind.IDENTIFIER);
        rule("(?:Other )?Vessel Call Sign", "callSign", Kind.IDENTIFIER);
        rule("(?:Other )?Vessel Type", "type", Kind.TEXT);
        rule("Vessel Flag", "flag", Kind.COUNTRY);
        rule("(?:Former|Other) Vessel Flag", "pastFlags", Kind.COUNTRY);
        rule("Vessel Tonnage", "tonnage", Kind.NUMBER);
        rule("Vessel Gross Registered Tonnage", "grossRegisteredTonnage", Kind.NUMBER);
        rule("Vessel Year of Build", "buildDate", Kind.DATE);
        rule("Aircraft Manufacturer[’']s Serial Number \\(MSN\\)|Aircraft Construction Number \\(also called L/N or S/N or F/N\\)",
                "serialNumber", Kind.IDENTIFIER);
        rule("Aircraft Manufacture Date", "buildDate", Kind.DATE);
        rule("Aircraft Model", "model", Kind.TEXT);
        rule("(?:Previous )?Aircraft Tail Number", "registrationNumber", Kind.IDENTIFIER);
        rule("Listing Date(?: \\([^)]*\\))?:?", "listingDate", Kind.SANCTION_DATE);
        rule("Effective Date(?: \\([^)]*\\))?:?", "startDate", Kind.SANCTION_DATE);
        rule("Secondary sanctions risk:|Transactions Prohibited For Persons Owned or Controlled By U\\.S\\. Financial Institutions:"
                + "|Additional Sanctions Information -|Executive Order \\d+ Directive Determination -?"
                + "|Executive Order \\d+ Directive Information(?::| -)?|Executive Order \\d+ information:|CAATSA Section \\d+ Information:"
                + "|IFCA Determination -|PEESA Information:|Purchase/Sales For Divestment Date \\(CMIC\\)", "provisions", Kind.PROVISION);
    }

    /** "Linked To: NAME" in the remarks: "; Linked To: HIZBALLAH." in the CSV, "(Linked To: HAMAS)" in the XML. */
    private static final Pattern LINKED_TO = Pattern.compile("(\\(?)Linked To:\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEAK_ALIAS = Pattern.compile("([afn])\\.k\\.a\\.,?\\s+'(.+)'");
    private static final Pattern SEPARATOR = Pattern.compile(";\\s+");
    private static final Pattern COUNTRY_SUFFIX = Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");
    private static final Pattern DOCUMENT_DATES = Pattern.compile("(.+?)\\s+(?:issued|expires)\\s+.*");
    private static final String MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b(\\d{1,2}) " + MONTH + " (\\d{4})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + " (\\d{4})\\b");
    private static final Map<String, String> MONTHS = Map.ofEntries(Map.entry("Jan", "01"), Map.entry("Feb", "02"),
            Map.entry("Mar", "03"), Map.entry("Apr", "04"), Map.entry("May", "05"), Map.entry("Jun", "06"), Map.entry("Jul", "07"),
            Map.entry("Aug", "08"), Map.entry("Sep", "09"), Map.entry("Oct", "10"), Map.entry("Nov", "11"), Map.entry("Dec", "12"));

    private OfacFacts() {}

    private static void rule(String key, String property, Kind kind) {
        RULES.add(new Rule(Pattern.compile("(?:" + key + ")", Pattern.CASE_INSENSITIVE), property, kind));
    }

    /** The rule of a fact's key as the XML names it (idType), or null when the table has none. */
    static Rule rule(String key) {
        String stripped = key.strip();
        for (Rule rule : RULES) {
            if (rule.key().matcher(stripped).matches()) {
                return rule;
            }
        }
        return null;
    }

    /** The facts and weak aliases of the CSV's remarks; parts of no known kind are left to the remarks text. */
    record Remarks(List<Fact> facts, List<Alias> weakAliases) {}

    static Remarks parseRemarks(String remarks) {
        List<Fact> facts = new ArrayList<>();
        List<Alias> aliases = new ArrayList<>();
        if (remarks == null) {
            return new Remarks(facts, aliases);
        }
        String text = remarks.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        for (String part : SEPARATOR.split(text)) {
            Matcher alias = WEAK_ALIAS.matcher(part.strip());
            if (alias.matches()) {
                aliases.add(new Alias(alias.group(2).strip(), alias.group(1).toLowerCase(Locale.ROOT) + ".k.a.", true));
                continue;
            }
            Fact fact = fact(part.strip());
            if (fact != null) {
                facts.add(fact);
            }
        }
        return new Remarks(facts, aliases);
    }

    /**
     * The names the remarks say the entry is linked to, as written up to the next "; " (without the
     * parenthesis the XML closes the statement with). The CSV's last remark keeps its full stop, which
     * may also end a name ("LTDA."): the caller tries both spellings.
     */
    static List<String> linkedTo(String remarks) {
        List<String> names = new ArrayList<>();
        if (remarks == null) {
            return names;
        }
        Matcher statement = LINKED_TO.matcher(remarks);
        while (statement.find()) {
            int end = remarks.indexOf("; ", statement.end());
            String name = remarks.substring(statement.end(), end < 0 ? remarks.length() : end).strip();
            if (!statement.group(1).isEmpty() && name.endsWith(")")) {
                name = name.substring(0, name.length() - 1).strip();
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** "alt. Passport X123 (Iran) issued 2001" to the fact Passport, X123, Iran; null when no rule knows the part. */
    private static Fact fact(String part) {
        String text = part.regionMatches(true, 0, "alt. ", 0, 5) ? part.substring(5).strip() : part;
        for (Rule rule : RULES) {
            Matcher key = rule.key().matcher(text);
            if (key.lookingAt() && key.end() < text.length() && Character.isWhitespace(text.charAt(key.end()))) {
                String value = text.substring(key.end()).strip();
                String country = null;
                Matcher dates = DOCUMENT_DATES.matcher(value);
                if (rule.kind() == Kind.IDENTIFIER && dates.matches()) {
                    value = dates.group(1);
                }
                Matcher suffix = COUNTRY_SUFFIX.matcher(value);
                if (rule.kind() == Kind.IDENTIFIER && suffix.matches()) {
                    value = suffix.group(1);
                    country = suffix.group(2).strip();
                }
                String original = value.equals(text.substring(key.end()).strip()) ? null : part;
                return new Fact(key.group(), value, country, original);
            }
        }
        return null;
    }

    /** OFAC's dates in ISO form, the words around them kept: "circa 01 Jan 1960" to "circa 1960-01-01". */
    static String isoDates(String text) {
        StringBuilder days = new StringBuilder();
        Matcher day = DAY_MONTH_YEAR.matcher(text);
        while (day.find()) {
            String iso = day.group(3) + "-" + MONTHS.get(day.group(2)) + "-" + (day.group(1).length() == 1 ? "0" : "") + day.group(1);
            day.appendReplacement(days, iso);
        }
        day.appendTail(days);
        StringBuilder months = new StringBuilder();
        Matcher month = MONTH_YEAR.matcher(days);
        while (month.find()) {
            month.appendReplacement(months, month.group(2) + "-" + MONTHS.get(month.group(1)));
        }
        month.appendTail(months);
        return months.toString();
    }
}
