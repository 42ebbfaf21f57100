package io.supplygraph.analysis.search;

import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.SearchHit;
import io.supplygraph.analysis.view.SearchHit.Kind;
import io.supplygraph.model.Digest;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.ApplicationSql.ApplicationRow;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import io.supplygraph.store.sql.SearchSql.PackageHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One search box for everything: a purl (with or without version), a vulnerability id in any scheme, a document
 * digest or its first characters, an application or package name. Every reading that finds something is a hit, the
 * most specific first (an id or a digest before names), so that a caller may go straight to a single hit.
 */
public final class Search {

    /** Ids of every scheme OSV aggregates: CVE-, GHSA-, PYSEC-, GO-, RUSTSEC-, MAL-, ALSA-2024:5231, DSA-... */
    private static final Pattern VULNERABILITY_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][\\w.:-]*$");
    /** A digest prefix as people copy it: enough hex to be specific. */
    private static final Pattern HEX_PREFIX = Pattern.compile("^[0-9a-fA-F]{7,}$");

    private final GraphStore store;

    public Search(GraphStore store) {
        this.store = store;
    }

    /** At most {@code limit} hits of each kind. */
    public List<SearchHit> find(String text, int limit) {
        String q = text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        if (PackageIdentity.looksLikePurl(q)) {
            packagesByPurl(q, hits);
            return hits;
        }
        if (VULNERABILITY_ID.matcher(q).matches()) {
            vulnerabilities(q, hits);
        }
        if (Digest.looksLikeDigest(q) || HEX_PREFIX.matcher(q).matches()) {
            documents(q, limit, hits);
        }
        for (ApplicationRow a : store.applications().named(q, limit)) {
            hits.add(new SearchHit(Kind.APPLICATION, a.synthetic() ? label(a.name(), a.subjectVersion()) : a.purl(),
                    a.purl(), a.documents() + (a.documents() == 1 ? " document" : " documents")));
        }
        packagesByName(q, limit, hits);
        return hits;
    }

    private void packagesByPurl(String purl, List<SearchHit> hits) {
        PackageIdentity identity;
        try {
            identity = PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        List<VersionRow> versions = store.packages().matching(identity);
        if (!versions.isEmpty()) {
            String base = versions.get(0).base();
            hits.add(new SearchHit(Kind.PACKAGE, identity.version() == null ? base : identity.purl(), base,
                    versions.size() + (versions.size() == 1 ? " version" : " versions") + " in the graph"));
        }
    }

    private void vulnerabilities(String id, List<SearchHit> hits) {
        Set<Long> named = store.advisories().named(List.of(id));
        for (AdvisoryRow a : store.advisories().byIds(named).values()) {
            String summary = a.summary() == null ? "" : a.summary();
            hits.add(new SearchHit(Kind.VULNERABILITY, a.osvId(), a.osvId(), summary));
        }
    }

    private void documents(String digest, int limit, List<SearchHit> hits) {
        List<DocumentRow> found = store.documents().byDigestPrefix(digest);
        for (DocumentRow d : found.subList(0, Math.min(limit, found.size()))) {
            String subject = Documents.subject(d);
            hits.add(new SearchHit(Kind.DOCUMENT, d.digest(), d.digest(),
                    d.format() + (subject == null ? "" : " of " + subject)));
        }
    }

    /** One hit per package (not per version), its name containing the fragment. */
    private void packagesByName(String fragment, int limit, List<SearchHit> hits) {
        for (PackageHit p : store.search().packagesNamed(fragment, limit)) {
            hits.add(new SearchHit(Kind.PACKAGE, p.base(), p.base(),
                    p.versions() + (p.versions() == 1 ? " version" : " versions") + " in use"));
        }
    }

    private static String label(String name, String version) {
        return version == null ? name : name + "@" + version;
    }
}
