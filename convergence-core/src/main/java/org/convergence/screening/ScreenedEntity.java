package org.convergence.screening;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.convergence.model.Entity;
import org.convergence.screening.names.NameKind;
import org.convergence.screening.names.NameNormalizer;
import org.convergence.screening.names.NormalizedName;
import tech.followthemoney.model.Property;
import tech.followthemoney.model.PropertyType;
import tech.followthemoney.model.Schema;

/**
 * What screening compares of an entity, listed or queried: its names normalised once, its dates of
 * birth or incorporation, its countries and its identifiers.
 *
 * @param id the entity id (for a query, the query's own id or "query")
 * @param dataset the dataset (for a query, empty)
 * @param schema the FtM schema
 * @param caption the name to show
 * @param names the names (name, alias, previous name, abbreviation), normalised, each in every reading
 *     its script allows (see {@link NameNormalizer#readings})
 * @param weakNames weak aliases, normalised: a match on one counts for less
 * @param dates ISO dates of birth, incorporation or build
 * @param countries country codes of every country-typed property
 * @param identifiers identifiers of every identifier-typed property, upper-case letters and digits only
 */
public record ScreenedEntity(String id, String dataset, Schema schema, String caption, List<NormalizedName> names,
        List<NormalizedName> weakNames, Set<String> dates, Set<String> countries, Set<String> identifiers) {

    private static final List<String> NAME_PROPERTIES = List.of("name", "alias", "previousName", "abbreviation");
    private static final List<String> DATE_PROPERTIES = List.of("birthDate", "incorporationDate", "buildDate");
    /** Identifiers shorter than this (a "1", a "12") identify nothing and would match at random. */
    private static final int MIN_IDENTIFIER_LENGTH = 4;
    /** Names per entity kept for comparison: lists give some entities hundreds of spellings. */
    private static final int MAX_NAMES = 64;

    /** How screening reads the names of a schema. */
    public static NameKind nameKind(Schema schema) {
        if (isA(schema, "Person")) {
            return NameKind.PERSON;
        }
        if (isA(schema, "Organization") || isA(schema, "Company") || isA(schema, "PublicBody")) {
            return NameKind.ORGANISATION;
        }
        return isA(schema, "Vessel") || isA(schema, "Airplane") ? NameKind.OBJECT : NameKind.UNKNOWN;
    }

    static boolean isA(Schema schema, String name) {
        return schema.getName().equals(name) || schema.getSchemata().stream().anyMatch(s -> s.getName().equals(name));
    }

    /** True for the schemata screening looks for: parties and the vessels and aircraft that are listed. */
    public static boolean isScreenable(Schema schema) {
        return isA(schema, "LegalEntity") || isA(schema, "Vessel") || isA(schema, "Airplane");
    }

    public static ScreenedEntity of(Entity entity, NameNormalizer normalizer) {
        return of(entity.id(), entity.dataset(), entity.schema(), entity.caption(), entity.properties(), normalizer);
    }

    /** From FtM-style properties (the shape of a screening query). Unknown properties are ignored. */
    public static ScreenedEntity of(String id, String dataset, Schema schema, String caption, Map<String, List<String>> properties,
            NameNormalizer normalizer) {
        NameKind kind = nameKind(schema);
        Set<String> nameValues = new LinkedHashSet<>();
        NAME_PROPERTIES.forEach(property -> nameValues.addAll(properties.getOrDefault(property, List.of())));
        if (nameValues.isEmpty() && (properties.containsKey("firstName") || properties.containsKey("lastName"))) {
            nameValues.add(String.join(" ", join(properties, "firstName", "middleName", "fatherName", "lastName")));
        }
        List<NormalizedName> names = normalizeAll(nameValues, kind, normalizer);
        List<NormalizedName> weak = normalizeAll(new LinkedHashSet<>(properties.getOrDefault("weakAlias", List.of())), kind, normalizer);
        Set<String> dates = new LinkedHashSet<>();
        DATE_PROPERTIES.forEach(property -> properties.getOrDefault(property, List.of()).stream()
                .filter(date -> date.length() >= 4 && Character.isDigit(date.charAt(0))).forEach(dates::add));
        Set<String> countries = new LinkedHashSet<>();
        Set<String> identifiers = new LinkedHashSet<>();
        properties.forEach((name, values) -> {
            Property property = schema.hasProperty(name) ? schema.getProperty(name) : null;
            if (property == null) {
                return;
            }
            String type = property.getType().getName();
            if (type.equals(PropertyType.COUNTRY)) {
                values.forEach(value -> countries.add(value.toLowerCase(Locale.ROOT)));
            } else if (type.equals(PropertyType.IDENTIFIER)) {
                values.stream().map(ScreenedEntity::identifier).filter(v -> v.length() >= MIN_IDENTIFIER_LENGTH).forEach(identifiers::add);
            }
        });
        return new ScreenedEntity(id, dataset, schema, caption, names, weak, dates, countries, identifiers);
    }

    private static List<String> join(Map<String, List<String>> properties, String... parts) {
        List<String> words = new ArrayList<>();
        for (String part : parts) {
            words.addAll(properties.getOrDefault(part, List.of()));
        }
        return words;
    }

    private static List<NormalizedName> normalizeAll(Set<String> values, NameKind kind, NameNormalizer normalizer) {
        Set<String> names = new LinkedHashSet<>();
        values.stream().limit(MAX_NAMES).forEach(value -> names.addAll(alternatives(value)));
        return names.stream().limit(MAX_NAMES).flatMap(value -> normalizer.readings(value, kind).stream()).filter(name -> !name.isEmpty())
                .distinct().toList();
    }

    /** A name and a qualifier or an acronym in parentheses after it: "KOREAN NATIONAL INSURANCE COMPANY (KNIC)", "X Co., Ltd. (Shanghai)". */
    private static final java.util.regex.Pattern WITH_ASIDE = java.util.regex.Pattern.compile("(.*\\S)\\s*\\(([^()]+)\\)\\s*");
    /** Words an acronym may leave out. */
    private static final Set<String> JOINING_WORDS = Set.of("of", "the", "and", "for", "de", "du", "la", "al", "el", "ul");

    /**
     * A name value as lists write several names in one: the value; when it ends in parentheses, the
     * name without them (a qualifier such as a city) and, when they hold the name's acronym, the
     * acronym; and each name of "NAME / OTHER NAME".
     */
    static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>(3);
        out.add(value);
        java.util.regex.Matcher aside = WITH_ASIDE.matcher(value);
        if (aside.matches()) {
            out.add(aside.group(1));
            if (isAcronymOf(aside.group(2), aside.group(1))) {
                out.add(aside.group(2));
            }
        }
        if (value.contains(" / ")) {
            for (String part : value.split(" / ")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** True when the letters of {@code acronym} are the initials of the name's words, with or without its joining words. */
    private static boolean isAcronymOf(String acronym, String name) {
        String letters = acronym.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        if (letters.length() < 2) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        StringBuilder withoutJoining = new StringBuilder();
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (!word.isEmpty()) {
                all.append(word.charAt(0));
                if (!JOINING_WORDS.contains(word)) {
                    withoutJoining.append(word.charAt(0));
                }
            }
        }
        return letters.contentEquals(all) || letters.contentEquals(withoutJoining);
    }

    /** An identifier as compared: letters and digits, upper case (so "12-34 567" equals "1234567"). */
    static String identifier(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().filter(Character::isLetterOrDigit).map(Character::toUpperCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Every name, strong then weak. */
    public List<NormalizedName> allNames() {
        if (weakNames.isEmpty()) {
            return names;
        }
        List<NormalizedName> all = new ArrayList<>(names);
        all.addAll(weakNames);
        return all;
    }
}
