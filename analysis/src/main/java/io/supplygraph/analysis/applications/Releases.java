package io.supplygraph.analysis.applications;

import io.supplygraph.analysis.versions.VersionOrder;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.ApplicationSql.ReleaseRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applications and their releases. An application is what documents are about without its version (or the name
 * {@code ingest --app} gave), a release is that version, and a release may have several documents: eight
 * regenerated SBOMs of juice-shop 14.1.1 are one release of one application, and a blast radius counts it once.
 */
public final class Releases {

    private final Map<String, String> latestByApplication;

    private Releases(Map<String, String> latestByApplication) {
        this.latestByApplication = latestByApplication;
    }

    /**
     * Rows of one document each, as a blast radius finds them, made one row per release: the row with the shortest
     * path speaks for its release, with every document of the release in {@code documents}. Rows of documents that
     * belong to no application stay one each. The order of the rows given is kept.
     */
    public static List<Application> group(List<Application> perDocument) {
        Map<String, Application> byRelease = new LinkedHashMap<>();
        for (Application row : perDocument) {
            byRelease.merge(key(row), row, Releases::merge);
        }
        return List.copyOf(byRelease.values());
    }

    /** What rows of one release share: its application and release, or the document when it has no application. */
    public static String key(Application row) {
        return row.application() == null ? "document " + row.document()
                : row.application() + "\u0000" + row.release();
    }

    private static Application merge(Application kept, Application other) {
        Application shorter = other.path().size() < kept.path().size() ? other : kept;
        List<String> documents = new ArrayList<>(kept.documents());
        documents.addAll(other.documents());
        return new Application(shorter.document(), shorter.subject(), shorter.version(), shorter.path(),
                shorter.application(), shorter.release(), List.copyOf(documents));
    }

    /** Each application's newest release among its current documents, read once for the filters below. */
    public static Releases latest(GraphStore store) {
        Map<String, List<ReleaseRow>> byApplication = new LinkedHashMap<>();
        for (ReleaseRow row : store.applications().releases()) {
            if (row.current()) {
                byApplication.computeIfAbsent(row.application(), a -> new ArrayList<>()).add(row);
            }
        }
        Map<String, String> latest = new HashMap<>();
        byApplication.forEach((application, rows) -> latest.put(application, newest(application, rows)));
        return new Releases(latest);
    }

    /**
     * The newest release: by the ecosystem's version order when the application is a purl whose ecosystem orders
     * every one of its releases; else (names given with {@code --app}, versions the ecosystem cannot read) the
     * release ingested last.
     */
    static String newest(String application, List<ReleaseRow> rows) {
        List<String> ordered = oldestFirst(application, rows);
        return ordered.isEmpty() ? null : ordered.get(ordered.size() - 1);
    }

    /**
     * The application's releases, oldest first, in one order for all of them: {@link #newest}'s, and for the ingest
     * order each release as old as its last document.
     */
    static List<String> oldestFirst(String application, List<ReleaseRow> rows) {
        Comparator<String> order = versionOrder(application, rows);
        if (order != null) {
            return rows.stream().map(ReleaseRow::release).distinct().sorted(order).toList();
        }
        Comparator<ReleaseRow> ingested = Comparator.comparing(ReleaseRow::ingestedAt)
                .thenComparing(ReleaseRow::document);
        Map<String, ReleaseRow> lastOfEach = new HashMap<>();
        rows.forEach(r -> lastOfEach.merge(r.release(), r, (a, b) -> ingested.compare(a, b) >= 0 ? a : b));
        return lastOfEach.values().stream().sorted(ingested).map(ReleaseRow::release).toList();
    }

    private static Comparator<String> versionOrder(String application, List<ReleaseRow> rows) {
        String type;
        try {
            type = PackageIdentity.fromPurl(application).type();
        } catch (InvalidPurlException e) {
            return null;
        }
        if (!VersionOrder.known(type) || rows.stream().anyMatch(r -> !VersionOrder.parses(type, r.release()))) {
            return null;
        }
        return VersionOrder.forPurlType(type);
    }

    /** The rows of each application's newest release; rows of no application are kept. */
    public List<Application> onlyLatest(List<Application> rows) {
        return rows.stream().filter(r -> r.application() == null
                || Objects.equals(latestByApplication.get(r.application()), r.release())).toList();
    }

    /** Whether this is its application's newest release. */
    public boolean isLatest(String application, String release) {
        return Objects.equals(latestByApplication.get(application), release);
    }
}
