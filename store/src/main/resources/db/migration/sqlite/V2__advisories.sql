-- Advisories (OSV records) and the findings matching derives from them. An advisory row is the newest record
-- stored under its OSV id, pointing at the document that asserted it; an older document of the same id keeps its
-- document row but no longer any facts. Aliases join ids that name one vulnerability.

CREATE TABLE advisory (
    id              INTEGER PRIMARY KEY,
    osv_id          TEXT    NOT NULL UNIQUE,
    document_id     INTEGER NOT NULL,
    modified        TEXT    NOT NULL,
    published       TEXT,
    withdrawn       TEXT,
    summary         TEXT,
    kind            TEXT    NOT NULL,
    rating          TEXT,
    score           REAL,
    severity_source TEXT
);
CREATE INDEX advisory_by_document ON advisory (document_id);

CREATE TABLE advisory_alias (
    advisory_id INTEGER NOT NULL,
    alias       TEXT    NOT NULL,
    PRIMARY KEY (advisory_id, alias)
) WITHOUT ROWID;
CREATE INDEX advisory_alias_by_alias ON advisory_alias (alias);

-- One affected[] entry: its package as a match key (ecosystem|normalised name), its distribution release, and the
-- entry itself as OSV JSON, evaluated by the OSV rules when a package version meets the key.
CREATE TABLE advisory_affected (
    advisory_id INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    match_key   TEXT    NOT NULL,
    release     TEXT,
    entry       TEXT    NOT NULL,
    PRIMARY KEY (advisory_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX advisory_affected_by_key ON advisory_affected (match_key);

-- The match keys of each package version that has been matched; '' for one that no advisory can name. A version
-- without a row here is one matching has not seen yet.
CREATE TABLE version_key (
    package_version_id INTEGER NOT NULL,
    match_key          TEXT    NOT NULL,
    release            TEXT,
    version            TEXT,
    PRIMARY KEY (package_version_id, match_key)
) WITHOUT ROWID;
CREATE INDEX version_key_by_key ON version_key (match_key);

-- What matching concluded for a package version and an advisory: status affected or unknown (the ranges could not
-- decide), the range that decided, and the fixed versions of the entry that matched (a JSON array).
CREATE TABLE finding (
    package_version_id INTEGER NOT NULL,
    advisory_id        INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    decided_by         TEXT,
    fixed              TEXT    NOT NULL,
    PRIMARY KEY (package_version_id, advisory_id)
) WITHOUT ROWID;
CREATE INDEX finding_by_advisory ON finding (advisory_id);
