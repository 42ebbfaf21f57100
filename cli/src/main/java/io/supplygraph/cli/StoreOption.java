package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import picocli.CommandLine.Option;

/** {@code --db}, on every command that reads or writes the graph. */
public final class StoreOption {

    static final String ENVIRONMENT = "SUPPLYGRAPH_DB";

    @Option(names = "--db", paramLabel = "PATH|URL",
            description = "The graph database: an SQLite file path or a JDBC URL (jdbc:postgresql://host/db?user=...). "
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

    Supplygraph open() {
        return Supplygraph.open(location());
    }
}
