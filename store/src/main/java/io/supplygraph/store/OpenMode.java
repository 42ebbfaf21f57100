package io.supplygraph.store;

/**
 * Whether opening a database may create the graph. Commands that only read must not: a mistyped path would
 * otherwise answer from a new, empty graph as if nothing were found.
 */
public enum OpenMode {
    /** Creates the SQLite file, or the schema in an empty PostgreSQL database, when there is none: ingest, import. */
    CREATE,
    /** Fails with {@link MissingGraphException} when there is no graph there yet. */
    EXISTING
}
