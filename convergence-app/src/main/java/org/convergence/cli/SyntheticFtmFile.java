package org.convergence.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.convergence.ftm.FtmJsonWriter;
import org.convergence.model.ConvergenceModel;
import org.convergence.model.Entity;
import org.convergence.model.EntityBuilder;
import org.convergence.model.EntityMetadata;

/**
 * Writes a synthetic FtM JSON lines file for benchmarks: people and companies with Latin and
 * Cyrillic names, dates, countries and identifiers, plus ownership edges, in the proportions of a
 * sanctions list. Seeded, so the same size gives the same file.
 */
final class SyntheticFtmFile {
    private static final List<String> GIVEN = List.of("Ivan", "Sergei", "Olga", "Wei", "Li", "Anna", "Dmitry", "Mikhail", "Xiaoming", "Elena");
    private static final List<String> FAMILY = List.of("Ivanov", "Petrova", "Zhang", "Wang", "Smirnov", "Kuznetsov", "Chen", "Popova", "Liu", "Sokolov");
    private static final List<String> CYRILLIC = List.of("Иванов", "Петрова", "Смирнов", "Кузнецов", "Попова", "Соколов");
    private static final List<String> WORDS = List.of("Aero", "Tech", "Micro", "Precision", "Optic", "Systems", "Machine", "Energy", "Radio", "Nord");
    private static final List<String> COUNTRIES = List.of("ru", "cn", "by", "ir", "kp", "hk", "ae", "tr");

    private SyntheticFtmFile() {}

    static void write(Path file, int count, long seed) throws IOException {
        ConvergenceModel model = ConvergenceModel.standard();
        Random random = new Random(seed);
        Instant seen = Instant.parse("2025-01-01T00:00:00Z");
        EntityMetadata metadata = new EntityMetadata(null, List.of(), List.of("synthetic"), true, seen, seen, seen);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                FtmJsonWriter writer = new FtmJsonWriter(out)) {
            for (int i = 0; i < count; i++) {
                int kind = i % 10;
                EntityBuilder builder;
                if (kind < 5) {
                    builder = Entity.builder(model.requireSchema("Person"), "syn-person-" + i, "synthetic").metadata(metadata);
                    String given = pick(random, GIVEN);
                    String family = pick(random, FAMILY);
                    builder.add("name", given + " " + family).add("firstName", given).add("lastName", family)
                            .add("alias", pick(random, CYRILLIC) + " " + given.charAt(0) + ".")
                            .add("birthDate", (1940 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10))
                            .add("nationality", pick(random, COUNTRIES)).add("passportNumber", String.valueOf(1_000_000 + random.nextInt(9_000_000)))
                            .add("topics", "sanction");
                } else if (kind < 9) {
                    builder = Entity.builder(model.requireSchema("Company"), "syn-company-" + i, "synthetic").metadata(metadata);
                    String name = pick(random, WORDS) + pick(random, WORDS) + " " + i;
                    builder.add("name", "LLC " + name).add("alias", "ООО " + name).add("jurisdiction", pick(random, COUNTRIES))
                            .add("innCode", String.valueOf(7_700_000_000L + random.nextInt(99_999_999)))
                            .add("incorporationDate", String.valueOf(1991 + random.nextInt(34))).add("topics", "sanction");
                } else {
                    builder = Entity.builder(model.requireSchema("Ownership"), "syn-ownership-" + i, "synthetic").metadata(metadata);
                    builder.add("owner", "syn-person-" + (i - 9)).add("asset", "syn-company-" + (i - 4))
                            .add("percentage", String.valueOf(1 + random.nextInt(100)));
                }
                writer.write(builder.build());
            }
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
