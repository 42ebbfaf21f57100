-- VEX statements, from VEX documents (OpenVEX, CSAF) and from CycloneDX BOMs' vulnerabilities[].analysis.
-- One row per statement and package version it is about (the subcomponent, or the product itself), keyed by
-- the document that made it and its place there. Package and product keep their canonical purl and, for
-- matching without parsing, the package (purl without version) and version; a package with no version in the
-- statement means every version. issued_at is epoch milliseconds, so that "newest wins" compares numbers.
CREATE TABLE vex_statement (
    document_id      INTEGER NOT NULL,
    ordinal          INTEGER NOT NULL,
    vulnerability    TEXT    NOT NULL,
    package_purl     TEXT    NOT NULL,
    package_base     TEXT    NOT NULL,
    package_version  TEXT,
    product_purl     TEXT,
    product_base     TEXT,
    product_version  TEXT,
    product_label    TEXT,
    status           TEXT    NOT NULL,
    justification    TEXT,
    impact_statement TEXT,
    action_statement TEXT,
    issued_at        INTEGER,
    PRIMARY KEY (document_id, ordinal)
) WITHOUT ROWID;
CREATE INDEX vex_statement_by_package ON vex_statement (package_base);

-- Every id a statement's vulnerability goes by (its own and its aliases), upper-cased so that cve-2021-44228
-- and CVE-2021-44228 meet.
CREATE TABLE vex_vulnerability (
    document_id      INTEGER NOT NULL,
    ordinal          INTEGER NOT NULL,
    vulnerability_id TEXT    NOT NULL,
    PRIMARY KEY (document_id, ordinal, vulnerability_id)
) WITHOUT ROWID;
CREATE INDEX vex_vulnerability_by_id ON vex_vulnerability (vulnerability_id);
