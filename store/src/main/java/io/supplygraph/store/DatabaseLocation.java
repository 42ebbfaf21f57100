package io.supplygraph.store;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user may give as a database, turned into the JDBC URL the store opens: a JDBC URL as it is, a libpq URL
 * ({@code postgresql://user@host/db}, how {@code psql} and most PostgreSQL tools write them) turned into its JDBC
 * form, and anything else without a URL scheme as an SQLite file path. Any other {@code scheme://} is refused: taken
 * as a path it would create a file named after the scheme. A URL refused is an {@link IllegalArgumentException}: the
 * user's mistake, not the database's.
 */
final class DatabaseLocation {

    /** {@code postgres[ql]://[user[:password]@][hosts][/database][?parameters]}, as libpq reads it. */
    private static final Pattern LIBPQ = Pattern.compile(
            "(?i)postgres(?:ql)?://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?(?<hosts>[^/?]*)(?<database>/[^?]*)?"
                    + "(?:\\?(?<parameters>.*))?");
    private static final Pattern OTHER_URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*");

    private DatabaseLocation() {}

    static String toJdbcUrl(String location) {
        if (location.startsWith("jdbc:")) {
            return withBatchedInserts(location);
        }
        Matcher libpq = LIBPQ.matcher(location);
        if (libpq.matches()) {
            return withBatchedInserts(fromLibpq(libpq, location));
        }
        if (OTHER_URL.matcher(location).matches()) {
            throw new IllegalArgumentException("unsupported database URL " + Database.redact(location)
                    + ": give an SQLite file path, postgresql://user@host/db or jdbc:postgresql://host/db?user=...");
        }
        return "jdbc:sqlite:" + Path.of(location).toAbsolutePath();
    }

    private static String fromLibpq(Matcher url, String location) {
        String hosts = url.group("hosts");
        if (hosts.isEmpty()) {
            // libpq means a Unix socket; the JDBC driver speaks TCP only, and guessing localhost could reach another
            // server, or authenticate another way.
            throw new IllegalArgumentException("the database URL " + Database.redact(location) + " names no host (libpq"
                    + " would use a Unix socket, which Supplygraph cannot): write postgresql://user@localhost/db");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts)
                .append(url.group("database") == null ? "/" : url.group("database"));
        StringBuilder query = new StringBuilder(url.group("parameters") == null ? "" : url.group("parameters"));
        appendParameter(query, "user", url.group("user"));
        appendParameter(query, "password", url.group("password"));
        return query.isEmpty() ? jdbc.toString() : jdbc.append('?').append(query).toString();
    }

    /** The JDBC driver URL-decodes parameter values; libpq's user info is percent-encoded the same way. */
    private static void appendParameter(StringBuilder query, String name, String encodedValue) {
        if (encodedValue == null || encodedValue.isEmpty()) {
            return;
        }
        String value = URLEncoder.encode(URLDecoder.decode(encodedValue, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(value);
    }

    private static String withBatchedInserts(String url) {
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") && !url.contains("reWriteBatchedInserts")) {
            // The driver then sends a batch as multi-row INSERTs: 2-3x faster bulk writes (DESIGN.md).
            return url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        }
        return url;
    }
}
