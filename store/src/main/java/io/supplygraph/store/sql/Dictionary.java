package io.supplygraph.store.sql;

import io.supplygraph.model.Digest;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ids of the nouns that thousands of documents share (packages, package versions, artifacts, source
 * repositories), each stored once.
 * Ids already seen are cached in memory, which turns the common case (log4j again) into a map lookup. Nouns
 * are never deleted, so a cached id stays valid.
 *
 * <p>On PostgreSQL new nouns are committed at once, in short transactions of their own on a second connection, not
 * in the document's transaction. Concurrent writers share nouns all the time (every SBOM has lodash), and a noun
 * inserted in a long transaction holds its unique-index lock until that commits: two writers whose documents named
 * the same nouns in different orders deadlocked, 41-45 times a run with 8 writers. Committed at once, in sorted
 * order, with {@code ON CONFLICT DO NOTHING} then read back, a noun is locked for one short statement, writers
 * wait for each other at most that long, and the document's transaction holds no lock another writer needs for
 * its nouns. A noun whose document then fails is left unreferenced, as nouns of deleted documents are: every
 * query reaches nouns through a document's facts.
 *
 * <p>On SQLite one process writes at a time, so nouns go in the document's transaction, and ids created there
 * become cached only when it commits, since a rolled-back insert leaves no row behind.
 */
final class Dictionary {

    private static final String INSERT_PACKAGE = """
            INSERT INTO package (base, type, namespace, name) VALUES (?, ?, ?, ?)
            ON CONFLICT (base) DO NOTHING
            """;
    private static final String SELECT_PACKAGES = "SELECT base, id FROM package WHERE base IN %s";
    private static final String INSERT_VERSION = """
            INSERT INTO package_version (purl, package_id, version, synthetic) VALUES (?, ?, ?, ?)
            ON CONFLICT (purl) DO NOTHING
            """;
    private static final String SELECT_VERSIONS = "SELECT purl, id FROM package_version WHERE purl IN %s";
    private static final String INSERT_ARTIFACT = "INSERT INTO artifact (digest) VALUES (?) ON CONFLICT (digest) DO NOTHING";
    private static final String SELECT_ARTIFACTS = "SELECT digest, id FROM artifact WHERE digest IN %s";
    private static final String INSERT_SOURCE = "INSERT INTO source (url) VALUES (?) ON CONFLICT (url) DO NOTHING";
    private static final String SELECT_SOURCES = "SELECT url, id FROM source WHERE url IN %s";

    private final Map<String, Long> packages = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, Long> artifacts = new HashMap<>();
    private final Map<String, Long> pendingPackages = new HashMap<>();
    private final Map<String, Long> pendingVersions = new HashMap<>();
    private final Map<String, Long> pendingArtifacts = new HashMap<>();
    private final Map<String, Long> sources = new HashMap<>();
    private final Map<String, Long> pendingSources = new HashMap<>();
    private final Database database;

    Dictionary(Database database) {
        this.database = database;
    }

    /** The id of each package version, in the order given, creating what is new. */
    long[] versionIds(Connection c, List<PackageIdentity> identities) throws SQLException {
        TreeMap<String, PackageIdentity> newVersions = new TreeMap<>();
        for (PackageIdentity p : identities) {
            if (cached(versions, pendingVersions, p.purl()) == null) {
                newVersions.put(p.purl(), p);
            }
        }
        if (!newVersions.isEmpty()) {
            TreeMap<String, PackageIdentity> newPackages = new TreeMap<>();
            for (PackageIdentity p : newVersions.values()) {
                if (cached(packages, pendingPackages, p.base()) == null) {
                    newPackages.putIfAbsent(p.base(), p);
                }
            }
            ensure(c, INSERT_PACKAGE, SELECT_PACKAGES, newPackages, packages, pendingPackages, (s, p) -> {
                s.setString(1, p.base());
                s.setString(2, p.type());
                s.setString(3, p.namespace());
                s.setString(4, p.name());
            });
            ensure(c, INSERT_VERSION, SELECT_VERSIONS, newVersions, versions, pendingVersions, (s, p) -> {
                s.setString(1, p.purl());
                s.setLong(2, cached(packages, pendingPackages, p.base()));
                s.setString(3, p.version());
                s.setInt(4, p.synthetic() ? 1 : 0);
            });
        }
        long[] ids = new long[identities.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cached(versions, pendingVersions, identities.get(i).purl());
        }
        return ids;
    }

    /** The id of each artifact, in the order given, creating what is new. */
    long[] artifactIds(Connection c, List<Digest> digests) throws SQLException {
        return keyIds(c, digests.stream().map(Digest::toString).toList(), INSERT_ARTIFACT, SELECT_ARTIFACTS,
                artifacts, pendingArtifacts);
    }

    /** The id of each source repository, by its normalised URL, in the order given, creating what is new. */
    long[] sourceIds(Connection c, List<String> urls) throws SQLException {
        return keyIds(c, urls, INSERT_SOURCE, SELECT_SOURCES, sources, pendingSources);
    }

    /** Ids of nouns that are a single text key. */
    private long[] keyIds(Connection c, List<String> keys, String insert, String select,
            Map<String, Long> committed, Map<String, Long> pending) throws SQLException {
        TreeMap<String, String> newKeys = new TreeMap<>();
        for (String key : keys) {
            if (cached(committed, pending, key) == null) {
                newKeys.put(key, key);
            }
        }
        ensure(c, insert, select, newKeys, committed, pending, (s, key) -> s.setString(1, key));
        long[] ids = new long[keys.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = cached(committed, pending, keys.get(i));
        }
        return ids;
    }

    void commit() {
        packages.putAll(pendingPackages);
        versions.putAll(pendingVersions);
        artifacts.putAll(pendingArtifacts);
        sources.putAll(pendingSources);
        rollback();
    }

    /** Forgets every id, committed ones too: they are looked up again as they are needed. */
    void forget() {
        packages.clear();
        versions.clear();
        artifacts.clear();
        sources.clear();
        rollback();
    }

    void rollback() {
        pendingPackages.clear();
        pendingVersions.clear();
        pendingArtifacts.clear();
        pendingSources.clear();
    }

    private static Long cached(Map<String, Long> committed, Map<String, Long> pending, String key) {
        Long id = committed.get(key);
        return id != null ? id : pending.get(key);
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    /**
     * Inserts the nouns not stored yet and reads back the id of each: committed at once on PostgreSQL (so cached as
     * committed), inside the document's transaction on SQLite (so pending until it commits).
     */
    private <T> void ensure(Connection documentConnection, String insert, String selectTemplate,
            TreeMap<String, T> byKey, Map<String, Long> committed, Map<String, Long> pending, Binder<T> binder)
            throws SQLException {
        if (byKey.isEmpty()) {
            return;
        }
        Connection nouns = database.nounConnection();
        Connection c = nouns != null ? nouns : documentConnection;
        Map<String, Long> ids = nouns != null ? committed : pending;
        try (PreparedStatement s = c.prepareStatement(insert)) {
            for (T value : byKey.values()) {
                binder.bind(s, value);
                s.addBatch();
            }
            s.executeBatch();
        }
        for (List<String> keys : Sql.chunks(new ArrayList<>(byKey.keySet()))) {
            try (PreparedStatement s = c.prepareStatement(Sql.inList(selectTemplate, keys.size()))) {
                Sql.bindStrings(s, 1, keys);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
    }
}
