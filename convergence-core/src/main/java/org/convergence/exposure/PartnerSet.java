package org.convergence.exposure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convergence.graph.ExposureGraph;
import org.convergence.graph.GraphNode;
import org.convergence.graph.Relation;
import org.convergence.graph.Targets;
import org.convergence.lists.ListSource;
import org.convergence.screening.ScreeningIndex;

/**
 * The exposure development set: partner rows as a research-security officer receives them, built from
 * the lists in the store. Named Research Organizations written as co-authors' affiliations (a
 * department, the institution, a postcode, the country); the laboratories and subsidiaries that ASPI's
 * tracker ties to an institution that is also a Named Research Organization, each named alone; and
 * institutions on no list ({@code unlisted-institutions.txt}). Each row knows what a right answer is:
 * the NRO entry on a path of a flagged finding, or not flagged.
 *
 * <p>Rows are split by a hash of the entity they come from into the half that may be looked at while
 * the check is developed ({@code fit}) and the half only reported ({@code report}).
 */
public final class PartnerSet {
    /** What a row is. */
    public enum Kind {
        /** A Named Research Organization written as a full affiliation. */
        LISTED,
        /** A laboratory or subsidiary of a Named Research Organization (by ASPI's tracker), named alone. */
        LAB_OR_SUBSIDIARY,
        /** An institution on no list. */
        UNLISTED
    }

    /**
     * One partner row.
     *
     * @param input the partner as written
     * @param kind what it is
     * @param expectedId the NRO entry a flagged finding's path must reach, or null for an unlisted one
     * @param report whether the row is in the reported half (else the half looked at during development)
     */
    public record Row(String input, Kind kind, String expectedId, boolean report) {}

    private static final List<String> DEPARTMENTS = List.of("School of Computer Science and Technology", "Department of Electronic Engineering",
            "College of Materials Science and Engineering", "School of Mechanical Engineering", "Department of Physics",
            "School of Automation", "College of Information and Communication Engineering", "School of Chemistry and Chemical Engineering");
    private static final Map<String, String> COUNTRY_WRITTEN = Map.of("cn", "P.R. China", "ru", "Russia", "ir", "Iran");

    private PartnerSet() {}

    /**
     * Builds the set from the store's graph and screening index (the Named Research Organizations and
     * ASPI's tracker must be imported for the listed rows and the labs).
     */
    public static List<Row> build(ExposureGraph graph, ScreeningIndex index) {
        List<GraphNode> nro = nodes(graph, index, ListSource.CA_NRO.id()).stream().filter(Targets.listed()).toList();
        Map<String, String> nroByName = new HashMap<>();
        nro.forEach(node -> node.names().forEach(name -> nroByName.putIfAbsent(ExposureCheck.nameKey(name), node.id())));
        Set<String> anyName = new HashSet<>();
        index.versions().forEach(version -> index.entitiesOf(version.dataset()).forEach(entity -> entity.properties().getOrDefault("name", List.of())
                .forEach(name -> anyName.add(ExposureCheck.nameKey(name)))));
        Map<String, String> countries = new HashMap<>();
        index.entitiesOf(ListSource.CA_NRO.id()).forEach(entity -> entity.properties().getOrDefault("country", List.of()).stream().findFirst()
                .ifPresent(country -> countries.put(entity.screened().id(), country)));

        List<Row> rows = new ArrayList<>();
        for (GraphNode node : nro) {
            int hash = Math.floorMod(node.id().hashCode(), 1_000_003);
            String department = DEPARTMENTS.get(hash % DEPARTMENTS.size());
            String country = COUNTRY_WRITTEN.getOrDefault(countries.get(node.id()), "China");
            String postcode = String.valueOf(100_000 + hash % 900_000);
            rows.add(new Row(department + ", " + node.caption() + ", " + postcode + ", " + country, Kind.LISTED, node.id(), hash % 2 == 0));
        }
        Map<String, Row> labs = new LinkedHashMap<>();
        for (GraphNode institution : nodes(graph, index, ListSource.ASPI_UNITRACKER.id())) {
            if (!Targets.listed().test(institution)) {
                continue;
            }
            String parent = institution.names().stream().map(name -> nroByName.get(ExposureCheck.nameKey(name))).filter(id -> id != null)
                    .findFirst().orElse(null);
            if (parent == null) {
                continue;
            }
            ExposureGraph.Neighbourhood around = graph.neighbourhood(institution.id(), 1, ExposureGraph.Bounds.DEFAULT);
            for (Relation relation : around.relations()) {
                if (!relation.schema().equals("Membership") && !relation.schema().equals("Ownership")) {
                    continue;
                }
                String otherId = relation.sourceId().equals(institution.id()) ? relation.targetId() : relation.sourceId();
                graph.node(otherId).filter(other -> !Targets.listed().test(other)).ifPresent(lab -> {
                    String name = english(lab);
                    if (name != null) {
                        int hash = Math.floorMod(lab.id().hashCode(), 1_000_003);
                        labs.putIfAbsent(lab.id(), new Row(name, Kind.LAB_OR_SUBSIDIARY, parent, hash % 2 == 0));
                    }
                });
            }
        }
        rows.addAll(labs.values());
        for (String name : unlisted()) {
            if (!anyName.contains(ExposureCheck.nameKey(name))) {
                rows.add(new Row(name, Kind.UNLISTED, null, Math.floorMod(name.hashCode(), 2) == 0));
            }
        }
        return rows;
    }

    /** Whether a finding answers the row right: the expected entry on a path of a flagged finding, or not flagged. */
    public static boolean right(Row row, Exposure exposure) {
        if (row.expectedId() == null) {
            return !exposure.flagged();
        }
        return exposure.flagged() && exposure.paths().stream().anyMatch(path -> path.steps().stream().anyMatch(step -> step.id().equals(row.expectedId())));
    }

    /** The node's name in Latin letters as an officer would write it, without the Chinese in brackets; null when it has none or is a note. */
    private static String english(GraphNode node) {
        for (String name : node.names()) {
            String plain = name.replaceAll("\\s*[(（][^)）]*[)）]\\s*", " ").strip();
            if (!plain.isEmpty() && plain.length() <= 120 && plain.chars().allMatch(c -> c < 0x2E80) && !plain.startsWith("May also")) {
                return plain;
            }
        }
        return null;
    }

    private static List<GraphNode> nodes(ExposureGraph graph, ScreeningIndex index, String dataset) {
        return index.entitiesOf(dataset).stream().map(entity -> graph.node(entity.screened().id())).flatMap(java.util.Optional::stream).toList();
    }

    private static List<String> unlisted() {
        try (InputStream in = PartnerSet.class.getResourceAsStream("unlisted-institutions.txt")) {
            if (in == null) {
                throw new IllegalStateException("unlisted-institutions.txt is part of the build and missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
