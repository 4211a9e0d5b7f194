package org.convergence.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.convergence.model.Countries;

/**
 * A partner as a co-author's affiliation or a customer file writes it, read into its units: "State Key
 * Laboratory of Robotics and System, Harbin Institute of Technology, Harbin 150001, China" is a
 * laboratory, an institution, a city, a postcode and a country. Each unit that can name an
 * organisation is screened on its own, so that the institution is found when the string names a lab
 * first or carries an address.
 *
 * @param text the affiliation as given, stripped
 * @param units its units, in the order written
 * @param country the country code a unit names (lower case, "cn"), or null
 */
public record Affiliation(String text, List<Unit> units, String country) {
    /** The longest affiliation read: longer text is not an affiliation but a document, and is cut here. */
    public static final int MAX_LENGTH = 1_000;
    /** Units screened at most, the organisations first: a pasted paragraph must not cost a hundred screenings. */
    public static final int MAX_SCREENED_UNITS = 6;
    /** The longest affiliation also screened whole. */
    private static final int MAX_WHOLE = 200;

    /** What a unit of an affiliation is. */
    public enum Kind {
        /** A department, school, college or faculty of an institution. */
        DEPARTMENT,
        /** A laboratory or research centre. */
        LAB,
        /** A university, institute, academy, company or other organisation. */
        INSTITUTION,
        /** A street address. */
        ADDRESS,
        /** A city or district: a short unit of place names after the institution. */
        CITY,
        /** A postal code. */
        POSTCODE,
        /** A country. */
        COUNTRY,
        /** A unit none of the above: screened as a possible organisation. */
        OTHER;

        /** Whether a unit of this kind can name an organisation, and so is screened. */
        public boolean screened() {
            return this == DEPARTMENT || this == LAB || this == INSTITUTION || this == OTHER;
        }
    }

    /** One unit: its text as written and its kind. */
    public record Unit(String text, Kind kind) {}

    public Affiliation {
        units = List.copyOf(units);
    }

    // Commas, semicolons, line breaks, vertical bars and their full-width forms separate units.
    private static final Pattern SEPARATORS = Pattern.compile("[,;|\\n\\r\\t，；、]+");
    private static final Pattern POSTCODE = Pattern.compile("\\d{5,6}|[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d|\\d{3}-\\d{4}");
    private static final Pattern TRAILING_POSTCODE = Pattern.compile("^(.*?)[\\s-]*(\\d{5,6})$|^(\\d{5,6})[\\s-]*(.*)$");
    private static final Pattern LAB = Pattern.compile(
            "(?i)\\b(laborator(y|ies)|labs?|research (center|centre)|(engineering|technology|research) (center|centre))\\b|实验室|研究中心|工程中心");
    private static final Pattern DEPARTMENT = Pattern.compile(
            "(?i)^(the )?(department|dept\\.?|school|college|faculty|division|graduate school) (of|for)\\b|"
                    + "^(the )?(department|dept\\.?|school|faculty)\\b|[^大]学院$|系$");
    private static final Pattern INSTITUTION = Pattern.compile("(?i)\\b(university|universit[éeà]|universidad|institute|institut|academy|"
            + "polytechnic|college|corporation|corp\\.?|company|co\\.|ltd\\.?|limited|inc\\.?|group|plc|gmbh|llc|jsc|ojsc|pjsc|bureau|"
            + "administration|ministry|agency|center|centre|hospital|factory|plant|works)\\b|大学|学院|研究院|研究所|科学院|公司|集团|局|部|厂|医院");
    private static final Pattern ADDRESS = Pattern.compile("(?i)^(no\\.?\\s*\\d+|\\d+[a-z]?\\s)|\\b(road|rd\\.?|street|st\\.|avenue|ave\\.?|"
            + "boulevard|blvd|lane|building|bldg|floor|room|p\\.?o\\.? box|district|county|zone|campus|ulitsa|prospekt)\\b|路|街|号|区|大道");
    private static final Pattern ASIDE = Pattern.compile("[(（]([^()（）]+)[)）]");
    /** A Han affiliation written without separators: the institution's name ends at one of these, and a unit follows. */
    private static final Pattern HAN_INSTITUTION_END = Pattern.compile("(大学|科学院|研究院|集团有限公司|集团公司|有限公司)(?=\\p{IsHan})");

    /**
     * Reads an affiliation.
     *
     * @param text the affiliation; blank gives no units
     */
    public static Affiliation parse(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > MAX_LENGTH) {
            stripped = stripped.substring(0, MAX_LENGTH);
        }
        List<Unit> units = new ArrayList<>();
        String country = null;
        boolean institutionSeen = false;
        for (String part : SEPARATORS.split(stripped)) {
            for (String piece : pieces(part.strip())) {
                if (piece.isEmpty()) {
                    continue;
                }
                String code = Countries.code(piece);
                if (code != null && !LAB.matcher(piece).find() && !INSTITUTION.matcher(piece).find()) {
                    units.add(new Unit(piece, Kind.COUNTRY));
                    country = country == null ? code : country;
                    continue;
                }
                Matcher postcode = TRAILING_POSTCODE.matcher(piece);
                if (POSTCODE.matcher(piece).matches()) {
                    units.add(new Unit(piece, Kind.POSTCODE));
                    continue;
                }
                if (postcode.matches() && !INSTITUTION.matcher(piece).find()) {
                    String place = postcode.group(1) != null ? postcode.group(1).strip() : postcode.group(4).strip();
                    String code5 = postcode.group(2) != null ? postcode.group(2) : postcode.group(3);
                    if (!place.isEmpty()) {
                        String placeCountry = Countries.code(place);
                        if (placeCountry != null) {
                            units.add(new Unit(place, Kind.COUNTRY));
                            country = country == null ? placeCountry : country;
                        } else {
                            units.add(new Unit(place, Kind.CITY));
                        }
                    }
                    units.add(new Unit(code5, Kind.POSTCODE));
                    continue;
                }
                Kind kind = kind(piece, institutionSeen);
                institutionSeen |= kind == Kind.INSTITUTION;
                units.add(new Unit(piece, kind));
            }
        }
        return new Affiliation(stripped, units, country);
    }

    /**
     * The units to screen, organisations first (an institution, then labs, departments and the rest), at
     * most {@link #MAX_SCREENED_UNITS}, after the text whole when it has several units, is short and names no
     * institution. A department is screened only when no institution is named: it
     * * is part of the institution named, and on its own ("College of Aerospace Engineering") it reads
     * like other institutions' names.
     */
    public List<Unit> screenedUnits() {
        boolean institution = units.stream().anyMatch(unit -> unit.kind() == Kind.INSTITUTION);
        List<Unit> screened = new ArrayList<>();
        if (!institution && units.size() > 1 && text.length() <= MAX_WHOLE) {
            // the text whole as well, when it names no institution: a lab's name may hold a comma ("State Key Laboratory of
            // Trauma, Burns and Combined Injury"); an affiliation that names its institution is found by that unit
            screened.add(new Unit(text, Kind.OTHER));
        }
        for (Kind kind : institution ? List.of(Kind.INSTITUTION, Kind.LAB, Kind.OTHER) : List.of(Kind.LAB, Kind.DEPARTMENT, Kind.OTHER)) {
            units.stream().filter(unit -> unit.kind() == kind).forEach(screened::add);
        }
        return screened.subList(0, Math.min(MAX_SCREENED_UNITS, screened.size()));
    }

    private static Kind kind(String piece, boolean institutionSeen) {
        if (LAB.matcher(piece).find()) {
            return Kind.LAB;
        }
        if (DEPARTMENT.matcher(piece).find() && !piece.toLowerCase(Locale.ROOT).contains("university")) {
            return Kind.DEPARTMENT;
        }
        if (INSTITUTION.matcher(piece).find()) {
            return Kind.INSTITUTION;
        }
        if (ADDRESS.matcher(piece).find()) {
            return Kind.ADDRESS;
        }
        // after the institution, a short unit without digits is a place: "Harbin", "Nangang District"
        if (institutionSeen && piece.split("\\s+").length <= 3 && piece.chars().noneMatch(Character::isDigit)) {
            return Kind.CITY;
        }
        return Kind.OTHER;
    }

    /**
     * The pieces of a part between separators: an aside in brackets is a unit of its own ("Key Laboratory
     * of X (Harbin Engineering University)" names the lab and its university), and a Han part written as
     * one is split after the institution's name.
     */
    private static List<String> pieces(String part) {
        List<String> pieces = new ArrayList<>();
        Matcher aside = ASIDE.matcher(part);
        String rest = aside.replaceAll(" ").replaceAll("\\s+", " ").strip();
        pieces.addAll(splitHan(rest));
        aside.reset();
        while (aside.find()) {
            pieces.addAll(splitHan(aside.group(1).strip()));
        }
        return pieces;
    }

    /** A Han unit written as one ("哈尔滨工业大学航天学院") split after the institution's name. */
    private static List<String> splitHan(String part) {
        Matcher end = HAN_INSTITUTION_END.matcher(part);
        if (!end.find()) {
            return List.of(part);
        }
        return List.of(part.substring(0, end.end()), part.substring(end.end()).strip());
    }
}
