package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.store.MissingGraphException;
import picocli.CommandLine.Option;

/** {@code --db}, on every command that reads or writes the graph. */
public final class StoreOption {

    static final String ENVIRONMENT = "SUPPLYGRAPH_DB";

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "The graph database: an SQLite file path, a PostgreSQL URL (postgresql://user@host/db) or a"
                    + " JDBC URL (jdbc:postgresql://host/db?user=...). "
                    + "Default: $" + ENVIRONMENT + ", else ~/.supplygraph/graph.db.")
    String db;

    String location() {
        if (db != null && !db.isBlank()) {
            return db;
        }
        String fromEnvironment = System.getenv(ENVIRONMENT);
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : Supplygraph.DEFAULT_DATABASE.toString();
    }

    /** The graph there, for commands that read: where there is none, one line says so and nothing is created. */
    Supplygraph open() {
        return Supplygraph.openExisting(location());
    }

    /** The graph there, created when there is none: only for the commands that bring documents in. */
    Supplygraph openOrCreate() {
        return Supplygraph.open(location());
    }

    /** What a reader tells the user when {@link #open} finds no graph. */
    static String missing(MissingGraphException e) {
        return e.getMessage() + ": run `supplygraph ingest` first";
    }
}
