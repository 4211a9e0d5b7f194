-- Rows as schema version 1 had them: one version of a dataset, with one person of three statements.
-- The version is the first row of its identity column, id 1, so its rows are numbered from 1 * 2^32.
INSERT INTO dataset_version (dataset, version, imported_at, source_uri, checksum, data_date, entity_count, statement_count, skipped_count)
VALUES ('fixture-list', 1, TIMESTAMP '2025-01-02 03:04:05', 'fixture.json', 'fixture-checksum', '2025-01-01', 1, 3, 0);

INSERT INTO entity (row_id, version_id, entity_id, schema_name, caption, target, referents, origin_datasets, first_seen, last_seen,
                    last_change, first_statement, statement_count)
VALUES (4294967296, 1, 'fx-person-1', 'Person', 'Ivan Petrov', TRUE, '["ref-1"]', NULL, TIMESTAMP '2024-01-02 03:04:05',
        TIMESTAMP '2025-01-02 03:04:05', NULL, 4294967296, 3);

INSERT INTO statement (row_id, entity_id, property, value_text, lang, original_value, source, first_seen, last_seen)
VALUES (4294967296, 'fx-person-1', 'name', 'Ivan Petrov', NULL, NULL, 'fixture.json:1', TIMESTAMP '2024-01-02 03:04:05', TIMESTAMP '2025-01-02 03:04:05'),
       (4294967297, 'fx-person-1', 'name', 'Иван Петров', 'rus', NULL, 'fixture.json:1', TIMESTAMP '2024-01-02 03:04:05', TIMESTAMP '2025-01-02 03:04:05'),
       (4294967298, 'fx-person-1', 'birthDate', '1961', NULL, NULL, 'fixture.json:1', TIMESTAMP '2024-01-02 03:04:05', TIMESTAMP '2025-01-02 03:04:05');
