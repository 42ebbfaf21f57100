package io.supplygraph.store.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * <p>Memory stays bounded whatever the document's size and however long the process lives (a server's): its nouns
 * are taken {@value #CHUNK} at a time, and each cache holds at most {@value #CACHE_LIMIT} committed ids, evicting the
 * least used (Caffeine), so the most popular packages of a portfolio stay cached as others come and go; the ids of the
 * open transaction are held apart, up to as many, and start again when full. A million-component SBOM used to hold
 * every new package and version twice over (sorted maps of the new ones, then their ids as pending and again as
 * cached, read back as new copies of every purl): that, not parsing, is where a 512 MB heap ran out. A cache that
 * forgets costs look-ups, never correctness, since a noun's id never changes.
 */
final class Dictionary {

    /** Nouns taken at a time: one batch of inserts and a few IN-lists of look-ups. */
    static final int CHUNK = RowBatch.ROWS;
    /** Ids cached per kind of noun, at most: the most popular packages of a portfolio, many times over. */
    static final int CACHE_LIMIT = 200_000;

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

    private final IdCache packages = new IdCache();
    private final IdCache versions = new IdCache();
    private final IdCache artifacts = new IdCache();
    private final IdCache sources = new IdCache();
    private final Database database;

    Dictionary(Database database) {
        this.database = database;
    }

    /** The id of each package version, in the order given, creating what is new. */
    long[] versionIds(Connection c, List<PackageIdentity> identities) throws SQLException {
        long[] ids = new long[identities.size()];
        for (int from = 0; from < ids.length; from += CHUNK) {
            List<PackageIdentity> chunk = identities.subList(from, Math.min(ids.length, from + CHUNK));
            Map<String, Long> versionIds = new HashMap<>();
            TreeMap<String, PackageIdentity> newVersions = new TreeMap<>();
            for (PackageIdentity p : chunk) {
                resolve(versions, p.purl(), p, versionIds, newVersions);
            }
            if (!newVersions.isEmpty()) {
                Map<String, Long> packageIds = new HashMap<>();
                TreeMap<String, PackageIdentity> newPackages = new TreeMap<>();
                for (PackageIdentity p : newVersions.values()) {
                    resolve(packages, p.base(), p, packageIds, newPackages);
                }
                ensure(c, INSERT_PACKAGE, SELECT_PACKAGES, newPackages, packages, packageIds, (s, p) -> {
                    s.setString(1, p.base());
                    s.setString(2, p.type());
                    s.setString(3, p.namespace());
                    s.setString(4, p.name());
                });
                ensure(c, INSERT_VERSION, SELECT_VERSIONS, newVersions, versions, versionIds, (s, p) -> {
                    s.setString(1, p.purl());
                    s.setLong(2, packageIds.get(p.base()));
                    s.setString(3, p.version());
                    s.setInt(4, p.synthetic() ? 1 : 0);
                });
            }
            for (int i = 0; i < chunk.size(); i++) {
                ids[from + i] = versionIds.get(chunk.get(i).purl());
            }
        }
        return ids;
    }

    /** The id of each artifact, in the order given, creating what is new. */
    long[] artifactIds(Connection c, List<Digest> digests) throws SQLException {
        return keyIds(c, digests.stream().map(Digest::toString).toList(), INSERT_ARTIFACT, SELECT_ARTIFACTS,
                artifacts);
    }

    /** The id of each source repository, by its normalised URL, in the order given, creating what is new. */
    long[] sourceIds(Connection c, List<String> urls) throws SQLException {
        return keyIds(c, urls, INSERT_SOURCE, SELECT_SOURCES, sources);
    }

    /** Ids of nouns that are a single text key. */
    private long[] keyIds(Connection c, List<String> keys, String insert, String select, IdCache cache)
            throws SQLException {
        long[] ids = new long[keys.size()];
        for (int from = 0; from < ids.length; from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(ids.length, from + CHUNK));
            Map<String, Long> found = new HashMap<>();
            TreeMap<String, String> newKeys = new TreeMap<>();
            for (String key : chunk) {
                resolve(cache, key, key, found, newKeys);
            }
            ensure(c, insert, select, newKeys, cache, found, (s, key) -> s.setString(1, key));
            for (int i = 0; i < chunk.size(); i++) {
                ids[from + i] = found.get(chunk.get(i));
            }
        }
        return ids;
    }

    /**
     * Puts a cached id in {@code found}, or the noun in {@code missing}: ids are copied out of the cache at once,
     * since the cache may start again while the missing ones are added.
     */
    private static <T> void resolve(IdCache cache, String key, T noun, Map<String, Long> found,
            TreeMap<String, T> missing) {
        if (found.containsKey(key) || missing.containsKey(key)) {
            return;
        }
        Long id = cache.get(key);
        if (id != null) {
            found.put(key, id);
        } else {
            missing.put(key, noun);
        }
    }

    void commit() {
        packages.commit();
        versions.commit();
        artifacts.commit();
        sources.commit();
    }

    /** Forgets every id, committed ones too: they are looked up again as they are needed. */
    void forget() {
        packages.forget();
        versions.forget();
        artifacts.forget();
        sources.forget();
    }

    void rollback() {
        packages.rollback();
        versions.rollback();
        artifacts.rollback();
        sources.rollback();
    }

    private interface Binder<T> {
        void bind(PreparedStatement statement, T value) throws SQLException;
    }

    /**
     * Inserts the nouns not stored yet, in sorted order, and reads back the id of each into {@code found} and the
     * cache: committed at once on PostgreSQL (so cached as committed), inside the document's transaction on SQLite
     * (so pending until it commits). The keys it looked up are kept, not the copies the driver reads back.
     */
    private <T> void ensure(Connection documentConnection, String insert, String selectTemplate,
            TreeMap<String, T> byKey, IdCache cache, Map<String, Long> found, Binder<T> binder)
            throws SQLException {
        if (byKey.isEmpty()) {
            return;
        }
        Connection nouns = database.nounConnection();
        Connection c = nouns != null ? nouns : documentConnection;
        try (PreparedStatement s = c.prepareStatement(insert)) {
            RowBatch batch = new RowBatch(s);
            for (T value : byKey.values()) {
                binder.bind(s, value);
                batch.add();
            }
            batch.execute();
        }
        for (List<String> keys : Sql.chunks(new ArrayList<>(byKey.keySet()))) {
            try (PreparedStatement s = c.prepareStatement(Sql.inList(selectTemplate, keys.size()))) {
                Sql.bindStrings(s, 1, keys);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String key = byKey.ceilingKey(rs.getString(1));
                        found.put(key, rs.getLong(2));
                        cache.put(key, rs.getLong(2), nouns != null);
                    }
                }
            }
        }
    }

    /**
     * Ids of one kind of noun: those committed, and those created by the transaction still open (SQLite), which
     * become committed with it or are dropped with it. The committed ones are bounded by use; the pending ones,
     * which live for one transaction, start again when they reach {@value #CACHE_LIMIT}.
     */
    private static final class IdCache {
        /**
         * Built at the first id committed: a process that never writes (a CLI query) then never loads Caffeine,
         * whose first caches take 80 ms to build. Only the writing thread uses it (under the write lock).
         */
        private Cache<String, Long> committed;
        private final Map<String, Long> pending = new HashMap<>();

        Long get(String key) {
            Long id = committed == null ? null : committed.getIfPresent(key);
            return id != null ? id : pending.get(key);
        }

        void put(String key, long id, boolean committedAlready) {
            if (committedAlready) {
                committed().put(key, id);
                return;
            }
            if (pending.size() >= CACHE_LIMIT) {
                pending.clear();
            }
            pending.put(key, id);
        }

        void commit() {
            if (!pending.isEmpty()) {
                committed().putAll(pending);
                pending.clear();
            }
        }

        void rollback() {
            pending.clear();
        }

        void forget() {
            committed = null;
            pending.clear();
        }

        /**
         * Caffeine's upkeep (recording reads, evicting) goes to the common pool, as it does by default, not to the
         * writing thread: done by the caller, it made a look-up of a popular package cost 2.3x a HashMap's, handed
         * off 1.3x ({@code IdCacheBenchmark}); look-ups are what a portfolio's components mostly cost.
         */
        private Cache<String, Long> committed() {
            if (committed == null) {
                committed = Caffeine.newBuilder().maximumSize(CACHE_LIMIT).build();
            }
            return committed;
        }
    }
}
