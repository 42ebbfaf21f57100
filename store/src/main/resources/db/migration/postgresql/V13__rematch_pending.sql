-- Match keys whose advisories were stored without matching (an advisory import on a queued deployment leaves its
-- matching to re-match jobs), written in the transaction that stores the advisories. A key leaves when a re-match
-- job has matched it, in that job's transaction; so an importer or worker killed between storing advisories and
-- publishing their jobs loses nothing: the keys wait here for the next import or the next idle worker to publish.
-- `job` is the re-match job that took the key; null while no job has.
CREATE TABLE rematch_pending (
    match_key TEXT PRIMARY KEY,
    job       TEXT,
    since     TEXT NOT NULL
);
