-- What `supplygraph serve` keeps: its API tokens, and the upload jobs it answered 202 for. Both live in the
-- database, not in the server, so that any number of servers on one database agree on them.

-- Only a SHA-256 of each token is kept: a token is 32 random bytes, so a slow password hash would add nothing.
-- A name is unique among the tokens in force; a revoked token keeps its row, so `token list` can show it.
CREATE TABLE api_token (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    scope      TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);
CREATE UNIQUE INDEX api_token_name_in_force ON api_token (name) WHERE revoked_at IS NULL;

-- A batch upload or an advisory import that runs after its request was answered. `result` is the JSON the job's
-- URL answers with once it is done; the spooled bytes it works from stay on the server's disk until then.
CREATE TABLE upload_job (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    state       TEXT NOT NULL,
    source      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    finished_at TEXT,
    result      TEXT
);
