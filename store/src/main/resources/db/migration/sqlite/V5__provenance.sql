-- Provenance, attestations and scorecards (issue: in-toto, SLSA, Scorecard). Same conventions as V1: nouns in
-- dictionaries, facts keyed by the document that asserted them, no foreign keys on fact tables.

-- A source repository is its normalised URL (https://github.com/owner/repo), stored once like an artifact.
CREATE TABLE source (
    id  INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE
);

-- An SBOM's VCS reference: the package version's source repository, as that document says.
CREATE TABLE source_of (
    document_id        INTEGER NOT NULL,
    package_version_id INTEGER NOT NULL,
    source_id          INTEGER NOT NULL,
    revision           TEXT,
    PRIMARY KEY (document_id, package_version_id, source_id)
) WITHOUT ROWID;
CREATE INDEX source_of_by_package_version ON source_of (package_version_id);
CREATE INDEX source_of_by_source ON source_of (source_id);

-- An in-toto Statement, one per document; its predicate's own facts are in the tables below.
CREATE TABLE attestation (
    document_id    INTEGER PRIMARY KEY,
    predicate_type TEXT NOT NULL
);

-- What a statement is about, one row per subject and digest (digest_ordinal 0 for a subject without digests):
-- an artifact, a package version (a subject whose uri is a purl), or only a name.
CREATE TABLE attestation_subject (
    document_id        INTEGER NOT NULL,
    ordinal            INTEGER NOT NULL,
    digest_ordinal     INTEGER NOT NULL,
    name               TEXT,
    uri                TEXT,
    artifact_id        INTEGER,
    package_version_id INTEGER,
    PRIMARY KEY (document_id, ordinal, digest_ordinal)
) WITHOUT ROWID;
CREATE INDEX attestation_subject_by_artifact ON attestation_subject (artifact_id);
CREATE INDEX attestation_subject_by_package_version ON attestation_subject (package_version_id);

-- SLSA provenance: how the statement's subjects were built.
CREATE TABLE provenance (
    document_id         INTEGER PRIMARY KEY,
    slsa_version        TEXT NOT NULL,
    builder_id          TEXT,
    build_type          TEXT,
    invocation_id       TEXT,
    started_on          TEXT,
    finished_on         TEXT,
    source_id           INTEGER,
    source_revision     TEXT,
    external_parameters TEXT
);
CREATE INDEX provenance_by_source ON provenance (source_id);

-- What a build consumed, one row per material and digest, like attestation_subject.
CREATE TABLE provenance_material (
    document_id    INTEGER NOT NULL,
    ordinal        INTEGER NOT NULL,
    digest_ordinal INTEGER NOT NULL,
    uri            TEXT,
    artifact_id    INTEGER,
    source_id      INTEGER,
    revision       TEXT,
    PRIMARY KEY (document_id, ordinal, digest_ordinal)
) WITHOUT ROWID;
CREATE INDEX provenance_material_by_artifact ON provenance_material (artifact_id);

-- An OpenSSF Scorecard result for one repository at one commit.
CREATE TABLE scorecard (
    document_id       INTEGER PRIMARY KEY,
    source_id         INTEGER NOT NULL,
    revision          TEXT,
    scored_on         TEXT,
    score             REAL    NOT NULL,
    scorecard_version TEXT
);
CREATE INDEX scorecard_by_source ON scorecard (source_id);

CREATE TABLE scorecard_check (
    document_id INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    score       INTEGER NOT NULL,
    reason      TEXT,
    PRIMARY KEY (document_id, name)
) WITHOUT ROWID;
