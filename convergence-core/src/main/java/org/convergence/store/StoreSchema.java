package org.convergence.store;

import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/** The store's schema: the Flyway migrations in {@code db/migration}, the same on H2 and PostgreSQL. */
final class StoreSchema {
    /** Flyway's own table: its history is the target's, never copied from a backup. */
    static final String HISTORY_TABLE = "flyway_schema_history";

    private StoreSchema() {}

    /** Migrates the database to the latest version this code knows. */
    static void migrate(DataSource dataSource) {
        flyway(dataSource, MigrationVersion.LATEST).migrate();
    }

    /** Migrates the database to exactly {@code version}, for a backup taken before later migrations. */
    static void migrate(DataSource dataSource, MigrationVersion version) {
        flyway(dataSource, version).migrate();
    }

    /** The version the database is at, or null when no migration has run. */
    static MigrationVersion current(DataSource dataSource) {
        MigrationInfo current = flyway(dataSource, MigrationVersion.LATEST).info().current();
        return current == null ? null : current.getVersion();
    }

    /** The latest version among the migrations this code ships. */
    static MigrationVersion latest(DataSource dataSource) {
        // Resolved: shipped with this code, unlike a migration a newer Convergence applied to the database.
        return Arrays.stream(flyway(dataSource, MigrationVersion.LATEST).info().all())
                .filter(migration -> migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(MigrationVersion::compareTo)
                .orElseThrow(() -> new IllegalStateException("no migrations in db/migration"));
    }

    private static Flyway flyway(DataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load();
    }
}
