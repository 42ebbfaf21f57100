-- The graph for SQLite. Nouns (package, package_version, artifact) are a dictionary: stored once, shared by
-- every document, never deleted. Facts carry the document that asserted them, so deleting a document deletes
-- exactly its own facts. Fact tables have no foreign keys on purpose: they are bulk-written by one writer that
-- resolves every id itself, and checking each of millions of rows would double the cost of an ingest.

CREATE TABLE document (
    id              INTEGER PRIMARY KEY,
    digest          TEXT    NOT NULL UNIQUE,
    format          TEXT    NOT NULL,
    spec_version    TEXT,
    name            TEXT,
    source          TEXT,
    size_bytes      INTEGER NOT NULL,
    component_count INTEGER NOT NULL,
    warning_count   INTEGER NOT NULL,
    ingested_at     TEXT    NOT NULL
);

CREATE TABLE package (
    id        INTEGER PRIMARY KEY,
    base      TEXT NOT NULL UNIQUE,
    type      TEXT NOT NULL,
    namespace TEXT,
    name      TEXT NOT NULL
);
CREATE INDEX package_by_name ON package (name);

CREATE TABLE package_version (
    id         INTEGER PRIMARY KEY,
    purl       TEXT    NOT NULL UNIQUE,
    package_id INTEGER NOT NULL REFERENCES package (id),
    version    TEXT,
    synthetic  INTEGER NOT NULL
);
CREATE INDEX package_version_by_package ON package_version (package_id);

-- An artifact is its digest, written algorithm:hex (sha256:9f86...).
CREATE TABLE artifact (
    id        INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE
);

-- What a document contains, with its shortest path from the document's subject (depth 0, no parent).
CREATE TABLE contains (
    document_id        INTEGER NOT NULL,
    package_version_id INTEGER NOT NULL,
    parent_id          INTEGER,
    depth              INTEGER NOT NULL,
    PRIMARY KEY (document_id, package_version_id)
) WITHOUT ROWID;
CREATE INDEX contains_by_package_version ON contains (package_version_id, depth);

CREATE TABLE depends_on (
    document_id INTEGER NOT NULL,
    from_id     INTEGER NOT NULL,
    to_id       INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    PRIMARY KEY (document_id, from_id, to_id, kind)
) WITHOUT ROWID;
CREATE INDEX depends_on_by_from ON depends_on (from_id);
CREATE INDEX depends_on_by_to ON depends_on (to_id);

CREATE TABLE occurrence (
    document_id        INTEGER NOT NULL,
    package_version_id INTEGER NOT NULL,
    artifact_id        INTEGER NOT NULL,
    PRIMARY KEY (document_id, package_version_id, artifact_id)
) WITHOUT ROWID;
CREATE INDEX occurrence_by_artifact ON occurrence (artifact_id);
CREATE INDEX occurrence_by_package_version ON occurrence (package_version_id);

CREATE TABLE licence (
    document_id        INTEGER NOT NULL,
    package_version_id INTEGER NOT NULL,
    declared           TEXT,
    concluded          TEXT,
    PRIMARY KEY (document_id, package_version_id)
) WITHOUT ROWID;

CREATE TABLE document_warning (
    document_id INTEGER NOT NULL,
    ordinal     INTEGER NOT NULL,
    message     TEXT    NOT NULL,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;
