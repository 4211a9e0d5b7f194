-- Rows as schema version 4 had them: those of V3.sql, and an account with an API key (its secret's hash
-- only). The version and the request are the first rows of their identity columns, id 1.
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

INSERT INTO screening_request (requested_at, user_name, query_json, query_hash, scope, result_limit, cutoff, match_threshold, list_versions, source,
                               error_message)
VALUES (TIMESTAMP '2025-02-03 04:05:06', 'ana', '{"id":"row-1","schema":"Person","properties":{"name":["Ivan Petrov"]}}',
        'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'fixture-list', 5, 0.5, 0.7, '["fixture-list@1"]',
        'customers.csv row 1', NULL);

INSERT INTO screening_result (request_id, result_rank, entity_id, caption, list_version, entity_hash, score, is_match, suppressed, features_json)
VALUES (1, 1, 'fx-person-1', 'Ivan Petrov', 'fixture-list@1', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 0.93,
        TRUE, FALSE, '[{"name":"name","value":0.93,"detail":"Ivan Petrov ~ Ivan Petrov"}]');

INSERT INTO screening_decision (request_id, entity_id, query_hash, entity_hash, decision, decided_by, decided_at, comment_text)
VALUES (1, 'fx-person-1', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', 'false-positive', 'bob', TIMESTAMP '2025-02-03 05:00:00',
        'ours was born in 1990, in Minsk');

INSERT INTO account (name, role, password_hash, disabled, created_at)
VALUES ('ana', 'analyst', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g', FALSE,
        TIMESTAMP '2025-02-01 09:00:00');

INSERT INTO api_key (key_id, account_name, secret_sha256, created_at)
VALUES ('0123456789abcdef', 'ana', 'cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc', TIMESTAMP '2025-02-01 09:05:00');
