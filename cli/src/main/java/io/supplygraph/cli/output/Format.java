package io.supplygraph.cli.output;

/** How a command prints its answer: a table for people, or JSON, CSV or SARIF for programs. */
public enum Format {
    TABLE,
    JSON,
    CSV,
    /** SARIF 2.1.0, as GitHub code scanning and other static analysis consumers read it; see {@link Sarif}. */
    SARIF;

    /** For programs: never paged to a screenful or cut to a terminal's width. */
    public boolean whole() {
        return this != TABLE;
    }
}
