-- Applications and releases. An application is what a document is about without its version (or the name given
-- with ingest --app), a release is that version, and a release may have several documents: regenerated SBOMs,
-- one per tool. Blast radius and findings count releases, not documents. The producer (the tool that wrote the
-- document, else its author) is what ingest --replace compares: a newer document of the same release from the same
-- producer supersedes the older one, which stays stored and listed (its history) but is no longer answered from.
ALTER TABLE document ADD COLUMN application TEXT;
ALTER TABLE document ADD COLUMN release_version TEXT;
ALTER TABLE document ADD COLUMN producer TEXT;
ALTER TABLE document ADD COLUMN superseded_by BIGINT;

-- Documents stored before: their application and release from their (first) subject, as ingest names them now.
UPDATE document SET
    application = (SELECT CASE WHEN pv.synthetic = 1 THEN p.name ELSE p.base END
                   FROM contains c
                   JOIN package_version pv ON pv.id = c.package_version_id
                   JOIN package p ON p.id = pv.package_id
                   WHERE c.document_id = document.id AND c.depth = 0
                   ORDER BY c.package_version_id LIMIT 1),
    release_version = (SELECT pv.version
                       FROM contains c
                       JOIN package_version pv ON pv.id = c.package_version_id
                       WHERE c.document_id = document.id AND c.depth = 0
                       ORDER BY c.package_version_id LIMIT 1)
WHERE format NOT IN ('osv', 'cve');

CREATE INDEX document_by_application ON document (application, release_version);
-- Nearly every document is current: the few superseded ones are found without reading the others.
CREATE INDEX document_superseded ON document (superseded_by) WHERE superseded_by IS NOT NULL;
