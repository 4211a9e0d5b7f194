package org.convergence.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Writes a synthetic customer file for the batch screening benchmark: CSV rows of a name (Latin,
 * Cyrillic or Chinese), a date of birth and a nationality, with one listed SEMA name in every
 * thousand rows so that the run has hits to explain. Seeded, so the same size gives the same file.
 */
final class SyntheticPartiesFile {
    private static final List<String> GIVEN = List.of("Ivan", "Sergei", "Olga", "Wei", "Li", "Anna", "Dmitry", "Mikhail", "Xiaoming", "Elena",
            "Maria", "James", "Fatima", "Ahmed", "Chen", "Natalia", "Pavel", "Yuki", "Hana", "Omar");
    private static final List<String> FAMILY = List.of("Ivanov", "Petrova", "Zhang", "Wang", "Smirnov", "Kuznetsov", "Chen", "Popova", "Liu",
            "Sokolov", "Garcia", "Nguyen", "Khan", "Tanaka", "Novak", "Horvat", "Morozov", "Volkova", "Haddad", "Silva");
    private static final List<String> CYRILLIC = List.of("Иван Иванов", "Ольга Петрова", "Сергей Смирнов", "Анна Кузнецова", "Павел Морозов");
    private static final List<String> CHINESE = List.of("王伟", "李娜", "张敏", "刘洋", "陈静");
    private static final List<String> LISTED = List.of("Aleksandr Lukashenko", "Aleksey Oleksin", "Dmitry Balaba", "Vadim Ipatov");
    private static final List<String> COUNTRIES = List.of("Russia", "China", "Canada", "Germany", "India", "Brazil", "Kazakhstan", "Iran");

    private SyntheticPartiesFile() {}

    static void write(Path file, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,full_name,date_of_birth,nationality\n");
            for (int i = 1; i <= rows; i++) {
                String name;
                if (i % 1000 == 0) {
                    name = LISTED.get(random.nextInt(LISTED.size()));
                } else if (i % 10 == 1) {
                    name = CYRILLIC.get(random.nextInt(CYRILLIC.size()));
                } else if (i % 10 == 2) {
                    name = CHINESE.get(random.nextInt(CHINESE.size()));
                } else {
                    name = GIVEN.get(random.nextInt(GIVEN.size())) + " " + FAMILY.get(random.nextInt(FAMILY.size()));
                }
                String born = String.format("%d-%02d-%02d", 1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28));
                out.write("S-" + i + "," + name + "," + born + "," + COUNTRIES.get(random.nextInt(COUNTRIES.size())) + "\n");
            }
        }
    }
}
