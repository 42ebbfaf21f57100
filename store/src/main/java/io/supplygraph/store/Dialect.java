package io.supplygraph.store;

import java.util.Locale;

/**
 * The two databases the store runs on. SQL is written once, portably, wherever both accept it; what differs
 * is named here instead of being tested for at each call site.
 */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    public static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite:... or jdbc:postgresql://...): "
                + jdbcUrl);
    }

    /** Flyway location of this dialect's migrations. */
    String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
