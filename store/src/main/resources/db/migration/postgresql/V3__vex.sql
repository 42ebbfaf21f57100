-- VEX statements: the same tables as the SQLite migration (see there for what each column holds).
CREATE TABLE vex_statement (
    document_id      BIGINT  NOT NULL,
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
    issued_at        BIGINT,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX vex_statement_by_package ON vex_statement (package_base);

CREATE TABLE vex_vulnerability (
    document_id      BIGINT  NOT NULL,
    ordinal          INTEGER NOT NULL,
    vulnerability_id TEXT    NOT NULL,
    PRIMARY KEY (document_id, ordinal, vulnerability_id)
);
CREATE INDEX vex_vulnerability_by_id ON vex_vulnerability (vulnerability_id);
