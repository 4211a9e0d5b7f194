-- Accounts of a team deployment: who may use the server, in which role, and the API keys of each.
-- Passwords are kept as Argon2id hashes (PHC strings); a key's secret as its SHA-256 only, shown once when made.

CREATE TABLE account (
    name          VARCHAR(64)   NOT NULL PRIMARY KEY,
    role          VARCHAR(16)   NOT NULL,
    password_hash VARCHAR(256)  NOT NULL,
    disabled      BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMP     NOT NULL
);

CREATE TABLE api_key (
    key_id        VARCHAR(32)   NOT NULL PRIMARY KEY,
    account_name  VARCHAR(64)   NOT NULL REFERENCES account (name),
    secret_sha256 VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP     NOT NULL
);

CREATE INDEX api_key_account ON api_key (account_name);
