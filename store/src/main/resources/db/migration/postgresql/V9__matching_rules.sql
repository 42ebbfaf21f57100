-- The same as the SQLite migration (see there for why); strpos is PostgreSQL's instr.
-- Matching rules changed (PackageKeys, the RPM epoch, Maven's version order): advisory entries are re-keyed here
-- as the new rules key them, and every package version is let go of, so that matching sees it again with the new
-- rules. Findings stay until then: the next advisory import (osv import, osv sync) matches every version again, as
-- does the next SBOM that contains one, and replaces that version's findings with what the new rules find.

-- Case: these ecosystems' names compare in lower case on both sides now (Go above all: packageurl-java lower-cases
-- a Go purl, OSV keeps the module path's case).
UPDATE advisory_affected
SET match_key = substr(match_key, 1, strpos(match_key, '|')) || lower(substr(match_key, strpos(match_key, '|') + 1))
WHERE match_key LIKE 'Go|%' OR match_key LIKE 'Hex|%' OR match_key LIKE 'Pub|%'
   OR match_key LIKE 'GitHub Actions|%' OR match_key LIKE 'ConanCenter|%' OR match_key LIKE 'opam|%'
   OR match_key LIKE 'Bitnami|%';

-- crates.io: one crate per name, ignoring case and - against _.
UPDATE advisory_affected SET match_key = 'crates.io|' || replace(lower(substr(match_key, 11)), '_', '-')
WHERE match_key LIKE 'crates.io|%';

-- SwiftURL: a Git URL, keyed as host and path, lower case, without scheme or .git.
UPDATE advisory_affected SET match_key = 'SwiftURL|' || lower(replace(replace(substr(match_key, 10), 'https://', ''), 'http://', ''))
WHERE match_key LIKE 'SwiftURL|%';
UPDATE advisory_affected SET match_key = substr(match_key, 1, length(match_key) - 4)
WHERE match_key LIKE 'SwiftURL|%.git';

-- Only distributions have releases: Maven's and Packagist's suffix names a repository.
UPDATE advisory_affected SET release = NULL WHERE match_key LIKE 'Maven|%' OR match_key LIKE 'Packagist|%';

DELETE FROM version_key;

CREATE TABLE cve_record (
    cve_id       TEXT    PRIMARY KEY,
    document_id  BIGINT  NOT NULL,
    date_updated TEXT,
    state        TEXT    NOT NULL,
    rating       TEXT,
    score        DOUBLE PRECISION,
    vector       TEXT,
    provider     TEXT
);
CREATE INDEX cve_record_by_document ON cve_record (document_id);
