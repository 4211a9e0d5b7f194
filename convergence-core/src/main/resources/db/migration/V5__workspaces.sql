-- Workspaces of a team deployment: each team's screening requests, decisions and workbench runs are its own.
--
-- A screening request records the workspace it was made in; null for one made outside any workspace (the
-- command line, a server without accounts, an account in no workspace) and for every request recorded before
-- workspaces existed, which stay readable and exportable as before. A decision records the workspace of the
-- request it was made on: a false positive suppresses results only for requests of that same workspace (null
-- with null). An API key may be bound to one workspace its account belongs to: requests with it are made there.

CREATE TABLE workspace (
    name          VARCHAR(64)   NOT NULL PRIMARY KEY,
    created_at    TIMESTAMP     NOT NULL
);

CREATE TABLE workspace_member (
    workspace_name VARCHAR(64)  NOT NULL REFERENCES workspace (name),
    account_name   VARCHAR(64)  NOT NULL REFERENCES account (name),
    joined_at      TIMESTAMP    NOT NULL,
    PRIMARY KEY (workspace_name, account_name)
);

CREATE INDEX workspace_member_account ON workspace_member (account_name);

ALTER TABLE api_key ADD COLUMN workspace_name VARCHAR(64);
ALTER TABLE api_key ADD CONSTRAINT api_key_workspace FOREIGN KEY (workspace_name) REFERENCES workspace (name);

ALTER TABLE screening_request ADD COLUMN workspace_name VARCHAR(64);
ALTER TABLE screening_request ADD CONSTRAINT screening_request_workspace FOREIGN KEY (workspace_name) REFERENCES workspace (name);
CREATE INDEX screening_request_by_workspace ON screening_request (workspace_name, id);

ALTER TABLE screening_decision ADD COLUMN workspace_name VARCHAR(64);
ALTER TABLE screening_decision ADD CONSTRAINT screening_decision_workspace FOREIGN KEY (workspace_name) REFERENCES workspace (name);
