-- What each SBOM's quality checks are scored from (SbomMeasures: counts of components with a supplier, a version,
-- a hash...), counted while the SBOM is read, so that listing documents with their scores reads no SBOM again.
-- The checks and their weights are applied when asked (analysis/quality), so changing them needs no re-ingest.
-- JSON because the measures grow with the checks: a measure added later reads as 0 in older rows. Documents
-- ingested before this migration have no row, and no score, until they are ingested again.
CREATE TABLE document_quality (
    document_id INTEGER PRIMARY KEY,
    measures    TEXT NOT NULL
);
