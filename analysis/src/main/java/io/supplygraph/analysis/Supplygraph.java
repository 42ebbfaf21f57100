package io.supplygraph.analysis;

import io.supplygraph.analysis.graph.Dependents;
import io.supplygraph.analysis.graph.Dependents.Application;
import io.supplygraph.analysis.graph.Deps;
import io.supplygraph.analysis.graph.Deps.Dependency;
import io.supplygraph.analysis.graph.Drift;
import io.supplygraph.analysis.graph.Paths;
import io.supplygraph.analysis.graph.Paths.Hop;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.provenance.Provenances.Build;
import io.supplygraph.analysis.provenance.Provenances;
import io.supplygraph.analysis.provenance.Scorecards.Scorecard;
import io.supplygraph.analysis.provenance.Scorecards;
import io.supplygraph.analysis.vex.VexStatements;
import io.supplygraph.analysis.vex.VexVerdicts;
import io.supplygraph.analysis.vulns.VulnMatcher;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.Ingestor;
import io.supplygraph.ingest.osv.OsvImporter;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.PackageSql.UsageRow;
import io.supplygraph.store.sql.StatsSql.Stats;
import io.supplygraph.store.sql.VexSql.StatementRow;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The graph, as its users ask it things: {@code Supplygraph.open(db).dependents("pkg:maven/...")}. The CLI, and
 * later the REST API, call this and nothing below it.
 */
public final class Supplygraph implements AutoCloseable {

    /** The embedded default: one SQLite file in the user's home. */
    public static final Path DEFAULT_DATABASE = Path.of(System.getProperty("user.home"), ".supplygraph", "graph.db");

    private final GraphStore store;

    private Supplygraph(GraphStore store) {
        this.store = store;
        store.listen(new VulnMatcher(store));
    }

    /** Opens the graph at a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}) or an SQLite file path. */
    public static Supplygraph open(String location) {
        return new Supplygraph(GraphStore.open(location));
    }

    public IngestSummary ingest(List<String> sources, InputStream stdin, IngestListener listener) {
        return ingest(sources, stdin, listener, TrustPolicy.lenient());
    }

    /** Ingests with signatures checked as {@code trust} says, and documents without a verified one kept or rejected. */
    public IngestSummary ingest(List<String> sources, InputStream stdin, IngestListener listener, TrustPolicy trust) {
        IngestSummary summary = new Ingestor(store, SourceLimits.defaults(), trust).ingest(sources, stdin, listener);
        if (summary.stored() >= BULK_LOAD) {
            store.database().refreshStatistics();
        }
        return summary;
    }

    /** Documents in one batch from which on the database's planner statistics are refreshed afterwards. */
    static final int BULK_LOAD = 100;

    public List<DocumentRow> documents() {
        return store.documents().all();
    }

    /** The document with this digest (or unambiguous digest prefix). */
    public DocumentRow document(String digest) {
        List<DocumentRow> found = store.documents().byDigestPrefix(digest);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no document has the digest " + digest);
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("'" + digest + "' is the start of " + found.size()
                    + " document digests; give more of it");
        }
        return found.get(0);
    }

    public List<String> warnings(DocumentRow document) {
        return store.documents().warnings(document.id());
    }

    /** Deletes a document and every fact it asserted; facts other documents asserted too stay. */
    public DocumentRow deleteDocument(String digest) {
        DocumentRow document = document(digest);
        store.documents().delete(document.id());
        return document;
    }

    public List<UsageRow> packages(String nameFragment) {
        return store.packages().usage(nameFragment == null ? "" : nameFragment);
    }

    /** What a package version (or a document's subject, by document digest) depends on. */
    public List<Dependency> deps(String purlOrDigest, boolean transitive) {
        Target target = Target.resolve(store, purlOrDigest);
        return new Deps(store).of(Target.versions(store, target), transitive);
    }

    /** The blast radius: every application that contains the package (any version, when the purl has none). */
    public List<Application> dependents(String purl) {
        Target target = Target.resolve(store, purl);
        if (!(target instanceof Target.Packages packages)) {
            throw new IllegalArgumentException("dependents takes a package (a purl or a name), not " + purl);
        }
        return new Dependents(store).of(packages);
    }

    public List<Hop> path(String from, String to) {
        return new Paths(store).between(Target.resolve(store, from), Target.resolve(store, to));
    }

    public Drift.Report drift(String purl) {
        PackageIdentity identity;
        try {
            identity = PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Target.Packages all = new Target.Packages(identity.base(), store.packages().matching(identity.withoutVersion()));
        return Drift.forPurlType(identity.type()).report(identity.base(), new Dependents(store).of(all));
    }

    /** VEX statements in force (the newest per vulnerability, product and package), optionally filtered; see {@link VexStatements}. */
    public List<StatementRow> vex(String purl, String vulnerability) {
        return new VexStatements(store).inForce(purl, vulnerability);
    }

    /** The VEX status of findings, for one query over many of them; see {@link VexVerdicts} for how it chooses. */
    public VexVerdicts vexVerdicts() {
        return new VexVerdicts(store);
    }

    /** How a package version or an artifact was built, by whom, from which source: its SLSA provenance. */
    public List<Build> provenance(String purlOrDigest) {
        return new Provenances(store).of(Target.resolve(store, purlOrDigest));
    }

    /** The OpenSSF Scorecard of a package's source repositories, or of a repository named by URL. */
    public List<Scorecard> scorecard(String purlOrRepository) {
        return new Scorecards(store).of(purlOrRepository);
    }

    /**
     * Imports OSV records (JSON or YAML files, directories, zip archives such as OSV's {@code all.zip}) through the
     * ingest pipeline, with {@code osv import}'s options: files that are not records are skipped.
     */
    public IngestSummary importAdvisories(List<String> sources, InputStream stdin, IngestListener listener) {
        return new Ingestor(store, OsvImporter.options()).ingest(sources, stdin, listener);
    }

    /** Findings: per package version and vulnerability, with the documents that contain it. */
    public List<Vulns.Finding> vulns(Vulns.Query query) {
        return new Vulns(store).list(query);
    }

    /** One vulnerability by any of its ids or aliases, and its blast radius. */
    public Vulns.Report vuln(String id) {
        return new Vulns(store).vuln(id);
    }

    /** Every malicious package version present, with the applications that contain it. */
    public List<Vulns.Malicious> malicious() {
        return new Vulns(store).malicious();
    }

    public Stats stats() {
        return store.stats().stats();
    }

    public String location() {
        return store.database().url();
    }

    @Override
    public void close() {
        store.close();
    }
}
