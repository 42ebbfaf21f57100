package io.supplygraph.analysis;

import io.supplygraph.analysis.view.Page;
import io.supplygraph.analysis.view.AffectedRange;
import io.supplygraph.analysis.vulns.AffectedRanges;
import io.supplygraph.analysis.applications.Applications;
import io.supplygraph.analysis.applications.Catalogue;
import io.supplygraph.analysis.applications.Releases;
import io.supplygraph.analysis.overview.Overviews;
import io.supplygraph.analysis.policy.CompiledPolicy;
import io.supplygraph.analysis.policy.PolicyCheck;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.search.Search;
import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Component;
import io.supplygraph.analysis.licences.Licences;
import io.supplygraph.analysis.quality.QualityScores;
import io.supplygraph.analysis.view.Quality;
import io.supplygraph.analysis.view.LicenceReport;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.analysis.view.Overview;
import io.supplygraph.analysis.view.SearchHit;
import io.supplygraph.analysis.access.Tokens;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.graph.Dependents;
import io.supplygraph.analysis.graph.Deps;
import io.supplygraph.analysis.graph.Drift;
import io.supplygraph.analysis.graph.Inventory;
import io.supplygraph.analysis.graph.MissingPackages;
import io.supplygraph.analysis.graph.Paths;
import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.provenance.Provenances;
import io.supplygraph.analysis.remediation.ExploitImports;
import io.supplygraph.analysis.remediation.FixPlans;
import io.supplygraph.analysis.remediation.PortfolioFixes;
import io.supplygraph.analysis.provenance.Scorecards;
import io.supplygraph.analysis.vex.VexExport;
import io.supplygraph.analysis.vex.VexStatements;
import io.supplygraph.analysis.vex.VexVerdicts;
import io.supplygraph.analysis.view.Application;
import io.supplygraph.analysis.view.ApplicationReleases;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.DeletedDocument;
import io.supplygraph.analysis.view.Dependency;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.ExploitImport;
import io.supplygraph.analysis.view.DriftReport;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Hop;
import io.supplygraph.analysis.view.Malicious;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.analysis.view.Scorecard;
import io.supplygraph.analysis.view.Stats;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.view.VulnReport;
import io.supplygraph.analysis.vulns.AdvisoryImport;
import io.supplygraph.analysis.vulns.RematchBacklog;
import io.supplygraph.analysis.vulns.VulnMatcher;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.ingest.Ingestor;
import io.supplygraph.ingest.cve.CveImporter;
import io.supplygraph.ingest.osv.OsvImporter;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.OpenMode;
import io.supplygraph.store.PoolOptions;
import io.supplygraph.store.sql.RematchSql;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The graph, as its users ask it things: {@code Supplygraph.open(db).dependents("pkg:maven/...")}. The CLI, and
 * later the REST API, call this and nothing below it. Every query answers in views ({@code analysis.view}): records
 * without database ids whose JSON is the output contract; lists come sorted, ready for {@code Page.of}. The work is
 * done by the query classes each method names.
 *
 * <p>Threads: the graph {@link #open} returns writes for any number of threads at once ({@link #ingest}: their
 * transactions take turns at one write lock while their parsing runs in parallel), and answers queries through its
 * writer connection, for one thread at a time (the CLI's). A thread that reads while others read or write takes a
 * graph of its own from {@link #reading}: the same queries over a connection borrowed from a pool, which it gives
 * back when closed.
 */
public final class Supplygraph implements AutoCloseable {

    /** The embedded default: one SQLite file in the user's home. */
    public static final Path DEFAULT_DATABASE = Path.of(System.getProperty("user.home"), ".supplygraph", "graph.db");

    private final GraphStore store;
    /** Null in a reading graph, which stores nothing. */
    private final VulnMatcher matcher;

    private Supplygraph(GraphStore store) {
        this.store = store;
        this.matcher = store.isReading() ? null : new VulnMatcher(store);
        if (matcher != null) {
            store.listen(matcher);
        }
    }

    /**
     * Opens the graph at a JDBC URL ({@code jdbc:sqlite:...}, {@code jdbc:postgresql://...}) or an SQLite file path,
     * its reader pool sized by {@link PoolOptions#defaults} (system properties {@value PoolOptions#READERS_PROPERTY},
     * default 8, and {@value PoolOptions#TIMEOUT_PROPERTY}, seconds, default 30).
     */
    public static Supplygraph open(String location) {
        return open(location, PoolOptions.defaults());
    }

    /** As {@link #open(String)}, with the reader pool as {@code pool} says. */
    public static Supplygraph open(String location, PoolOptions pool) {
        return new Supplygraph(GraphStore.open(location, pool));
    }

    /**
     * As {@link #open(String)}, but only a graph that exists: where there is none (no SQLite file, a PostgreSQL
     * database without the schema) it throws {@link io.supplygraph.store.MissingGraphException} and creates nothing.
     * For whoever only reads: a mistyped path must not answer "nothing found" from a new, empty graph.
     */
    public static Supplygraph openExisting(String location) {
        return new Supplygraph(GraphStore.open(location, PoolOptions.defaults(), OpenMode.EXISTING));
    }

    /**
     * A graph of the same queries bound to one connection borrowed from the reader pool until it is closed, for one
     * thread at a time; many threads may each hold one. Everything it answers comes from one snapshot of the graph,
     * taken at its first query: what writers commit later shows in the next reading graph, so hold one for a request,
     * not for the life of a thread. It refuses to write ({@link #ingest}, {@link #importAdvisories},
     * {@link #deleteDocument} throw {@link IllegalStateException}). Closing it gives the connection back; closing this
     * graph closes the pool. Waits while every connection is lent, up to {@link PoolOptions#borrowTimeout}; the pool
     * opens at the first call.
     */
    public Supplygraph reading() {
        return new Supplygraph(store.reading());
    }

    public IngestSummary ingest(List<String> sources, InputStream stdin, IngestListener listener) {
        return ingest(sources, stdin, listener, TrustPolicy.lenient());
    }

    /**
     * Ingests with signatures checked as {@code trust} says, and documents without a verified one kept or rejected.
     * Safe to call from several threads at once: each stores its documents in transactions of its own, which take
     * turns at the store's write lock.
     */
    public IngestSummary ingest(List<String> sources, InputStream stdin, IngestListener listener, TrustPolicy trust) {
        return ingest(sources, stdin, listener, IngestOptions.of(SourceLimits.defaults(), trust));
    }

    /** Ingests as {@code options} say: what {@code ingest} and {@code osv import} read, and under which names. */
    public IngestSummary ingest(List<String> sources, InputStream stdin, IngestListener listener,
            IngestOptions options) {
        store.requireWritable();
        IngestSummary summary = new Ingestor(store, options).ingest(sources, stdin, listener);
        if (summary.stored() >= BULK_LOAD) {
            store.database().refreshStatistics();
        }
        return summary;
    }

    /** Documents in one batch from which on the database's planner statistics are refreshed afterwards. */
    static final int BULK_LOAD = 100;

    /** Every document, in the order they were ingested. */
    public List<Document> documents() {
        return new Documents(store).all();
    }

    /** The documents other than advisories (SBOMs, attestations, VEX, scorecards), in ingest order. */
    public List<Document> ingestedDocuments() {
        return new Documents(store).ingested();
    }

    /**
     * One page of the advisory documents (OSV and CVE records, imported by the hundred thousand, so paged in the
     * database) whose name contains {@code fragment}, newest first.
     */
    public Page<Document> advisoryDocuments(String fragment, int limit, int offset) {
        return new Documents(store).advisories(fragment, limit, offset);
    }

    /** The document with this digest (or unambiguous digest prefix). */
    public Document document(String digest) {
        return new Documents(store).byDigest(digest);
    }

    /** The warnings the ingest of a document (by digest or unambiguous prefix) produced, in the order they arose. */
    public List<String> warnings(String digest) {
        return new Documents(store).warnings(digest);
    }

    /** Deletes a document and every fact it asserted; facts other documents asserted too stay. */
    public DeletedDocument deleteDocument(String digest) {
        return new Documents(store).delete(digest);
    }

    /** Package versions whose name contains the fragment (any case; null for all), by purl. */
    public List<PackageUsage> packages(String nameFragment) {
        return new Inventory(store).packages(nameFragment);
    }

    /** What a package version (or a document's subject, by document digest) depends on, by depth, then purl. */
    public List<Dependency> deps(String purlOrDigest, boolean transitive) {
        Target target = Target.resolve(store, purlOrDigest);
        return new Deps(store).of(Target.versions(store, target), transitive);
    }

    /**
     * The blast radius: every application that contains the package (any version, when the purl has none), by
     * subject, then document digest.
     */
    public List<Application> dependents(String purl) {
        return dependents(purl, false);
    }

    /** The blast radius, a row per release; with {@code latestReleasesOnly}, only each application's newest. */
    public List<Application> dependents(String purl, boolean latestReleasesOnly) {
        Target target = Target.resolve(store, purl);
        if (!(target instanceof Target.Packages packages)) {
            throw new IllegalArgumentException("dependents takes a package (a purl or a name), not " + purl);
        }
        List<Application> releases = new Dependents(store).of(packages);
        return latestReleasesOnly ? Releases.latest(store).onlyLatest(releases) : releases;
    }

    /**
     * Nothing, when {@code purlOrName} names a package version the graph holds (or a digest); else a
     * {@link NotFoundException} that says so and names the closest packages it does hold. For telling an empty
     * answer from a typo's.
     */
    public void requirePackage(String purlOrName) {
        MissingPackages.requireHeld(store, purlOrName);
    }

    /** A shortest path, hop by hop; empty when the two are not connected. */
    public List<Hop> path(String from, String to) {
        return new Paths(store).between(Target.resolve(store, from), Target.resolve(store, to));
    }

    /** Which versions of a package (any version of the purl's package) are in use, and who is behind. */
    public DriftReport drift(String purl) {
        return Drift.of(store, purl);
    }

    /**
     * VEX statements in force (the newest per vulnerability, product and package), optionally filtered, by
     * vulnerability, package, then product; see {@link VexStatements}.
     */
    public List<VexStatement> vex(String purl, String vulnerability) {
        return new VexStatements(store).inForce(purl, vulnerability);
    }

    /** The VEX status of findings, for one query over many of them; see {@link VexVerdicts} for how it chooses. */
    public VexVerdicts vexVerdicts() {
        return new VexVerdicts(store);
    }

    /** How a package version or an artifact was built, by whom, from which source: its SLSA provenance. By subject. */
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
        return ingest(sources, stdin, listener, OsvImporter.options());
    }

    /**
     * Imports CVE records (CVE JSON 5.x files, directories, the cvelistV5 release zips) through the ingest pipeline,
     * with {@code cve import}'s options: what is not a record is skipped. Their CVSS rates the findings whose
     * advisories rate nothing but alias the CVE.
     */
    public IngestSummary importCves(List<String> sources, InputStream stdin, IngestListener listener) {
        return ingest(sources, stdin, listener, CveImporter.options());
    }

    /**
     * As {@link #importAdvisories}, also counting the findings the import added and retracted (from the findings in
     * force before and after it: another process's writes meanwhile count too).
     */
    public AdvisoryImport importAdvisoriesCountingFindings(List<String> sources, InputStream stdin,
            IngestListener listener) {
        Set<String> before = store.findings().inForce();
        IngestSummary summary = importAdvisories(sources, stdin, listener);
        return AdvisoryImport.of(summary, before, store.findings().inForce());
    }

    /**
     * As {@link #importAdvisoriesCountingFindings}, but storing the advisories without matching them: the match keys
     * they name wait in the graph, written with the advisories, until re-match jobs take them
     * ({@link #claimRematchKeys}) and match them ({@link #rematch}). The findings it counts are those the import
     * itself retracted; what the advisories add comes with the jobs.
     */
    public AdvisoryImport importAdvisoriesForRematch(List<String> sources, InputStream stdin,
            IngestListener listener) {
        store.requireWritable();
        matcher.deferToQueue();
        try {
            return importAdvisoriesCountingFindings(sources, stdin, listener);
        } finally {
            matcher.matchHere();
        }
    }

    /**
     * From now on, advisories stored through this graph are not matched here but wait for re-match jobs, as
     * {@link #importAdvisoriesForRematch} leaves them: a queue's worker, whose advisory uploads are then matched by
     * all the workers.
     */
    public void leaveAdvisoryMatchingToQueue() {
        store.requireWritable();
        matcher.deferToQueue();
    }

    /**
     * Takes up to {@code limit} match keys that wait without a job for re-match job {@code job}, and hands them to
     * {@code publish} inside the transaction that takes them: when it throws, they wait on. The keys taken, sorted;
     * none when none waits.
     */
    public List<String> claimRematchKeys(String job, int limit, Consumer<List<String>> publish) {
        store.requireWritable();
        return store.rematches().claim(job, limit, publish);
    }

    /** Whether any match key waits for a re-match job to be published. */
    public boolean anyRematchUnpublished() {
        return store.rematches().anyUnpublished();
    }

    /** How many match keys wait for re-matching, with no job yet and in jobs not run yet. */
    public RematchBacklog rematchBacklog() {
        RematchSql.Waiting waiting = store.rematches().waiting();
        return new RematchBacklog(waiting.unpublished(), waiting.inJobs());
    }

    /**
     * Matches the package versions and advisory entries under these keys, in one transaction: re-match job
     * {@code job}'s work. The keys stop waiting for it in the same transaction.
     */
    public void rematch(Collection<String> keys, String job) {
        inRematchTransaction(() -> {
            matcher.rematch(keys, job);
            return null;
        });
    }

    /**
     * Matches here every match key that waits without a job, {@code keysAtATime} per transaction, as the jobs would:
     * what an importer does when the queue does not take its jobs. The number of keys matched.
     */
    public int rematchUnpublished(int keysAtATime) {
        int matched = 0;
        List<String> keys;
        do {
            keys = inRematchTransaction(() -> matcher.rematchUnpublished(keysAtATime));
            matched += keys.size();
        } while (!keys.isEmpty());
        return matched;
    }

    private <T> T inRematchTransaction(Supplier<T> matching) {
        store.requireWritable();
        try {
            return store.findings().inTransaction(matching);
        } catch (RuntimeException e) {
            matcher.rolledBack();
            throw e;
        }
    }

    /** Findings: per package version and vulnerability, with the documents that contain it; see {@link Finding}. */
    public List<Finding> vulns(Vulns.Query query) {
        return new Vulns(store).list(query);
    }

    /** One vulnerability by any of its ids or aliases, and its blast radius. */
    public VulnReport vuln(String id) {
        return vuln(id, false);
    }

    public VulnReport vuln(String id, boolean latestReleasesOnly) {
        return new Vulns(store).vuln(id, latestReleasesOnly);
    }

    /** What the advisories naming a vulnerability (by any id or alias) say its affected versions are. */
    public List<AffectedRange> affectedRanges(String id) {
        return new AffectedRanges(store).of(new Vulns(store).advisoriesNaming(id));
    }

    /** Every application with its releases, documents and open findings; see {@link ApplicationReleases}. */
    public List<ApplicationReleases> applications(boolean latestReleasesOnly) {
        return new Catalogue(store).list(latestReleasesOnly);
    }

    /** Every malicious package version present, with the applications that contain it. */
    public List<Malicious> malicious() {
        return malicious(false);
    }

    public List<Malicious> malicious(boolean latestReleasesOnly) {
        return new Vulns(store).malicious(latestReleasesOnly);
    }

    /**
     * An application's upgrade plan (by its subject's purl, or a document digest): per vulnerable package version,
     * the version to move to and what that removes; see {@link Upgrade}.
     */
    public List<Upgrade> fix(String application) {
        return new FixPlans(store).of(application);
    }

    /** The upgrades that remove the most risk across every application, highest first; see {@link PortfolioUpgrade}. */
    public List<PortfolioUpgrade> fixPortfolio() {
        return new PortfolioFixes(store).ranked();
    }

    /** Replaces the stored KEV catalog with this one (the catalog's JSON). */
    public ExploitImport importKev(InputStream catalog) throws IOException, DocumentRejectedException {
        store.requireWritable();
        return ExploitImports.kev(store, catalog);
    }

    /** Replaces the stored EPSS scores with this day's (the daily CSV, gzipped or not). */
    public ExploitImport importEpss(InputStream scores) throws IOException, DocumentRejectedException {
        store.requireWritable();
        return ExploitImports.epss(store, scores);
    }

    /** The portfolio at a glance: counts, findings by rating and status, exposure, provenance, what came in last. */
    public Overview overview() {
        return new Overviews(store).overview();
    }

    /**
     * A value that differs after every change of the graph that {@link #overview} would show (a document stored or
     * deleted, a job finished), and costs next to nothing to read: what a cache of the overview is keyed by.
     */
    public String revision() {
        return store.overview().revision();
    }

    /** What a search box entry may mean: applications, packages, vulnerabilities, documents; see {@link Search}. */
    public List<SearchHit> search(String text, int limitPerKind) {
        return new Search(store).find(text, limitPerKind);
    }

    /**
     * Evaluates a policy on one SBOM, one application's SBOMs or every SBOM (see {@link PolicyCheck}); waivers
     * expire after {@code today}.
     */
    public PolicyReport check(CompiledPolicy policy, PolicyCheck.Scope scope, LocalDate today) {
        return new PolicyCheck(store).check(policy, scope, today);
    }

    /** An application by its subject's purl, with the documents that describe it. */
    public ApplicationDetail application(String subjectPurl) {
        return new Applications(store).of(subjectPurl);
    }

    /** A document's components as a tree, depth first from its subject. */
    public List<Component> components(String digest) {
        return new Applications(store).components(digest);
    }

    /** The documents nested in a document, and those it is nested in, with what joins them. */
    public List<NestedDocument> nested(String digest) {
        return new Applications(store).nested(digest);
    }

    /** The licences of a document's components. */
    public List<LicenceUse> licences(String digest) {
        return new Applications(store).licences(digest);
    }

    /**
     * The licence report of one document (by digest or unambiguous prefix): counts per licence and class, the
     * components whose licence is unknown, the copyleft ones with a path; see {@link Licences}.
     */
    public LicenceReport licenceReportOfDocument(String digest) {
        return new Licences(store).ofDocument(digest);
    }

    /** The licence report of an application (by its subject's purl), over all its documents. */
    public LicenceReport licenceReportOfApplication(String subjectPurl) {
        return new Licences(store).ofApplication(subjectPurl);
    }

    /** The licence report of every component of every document. */
    public LicenceReport licenceReportOfPortfolio() {
        return new Licences(store).ofPortfolio();
    }

    /**
     * The licence report of one document (by digest), one application (by its subject's purl) or, both null, the
     * portfolio: what {@code licenses [--doc D | --app PURL]} and {@code GET /api/v1/licences} answer.
     */
    public LicenceReport licenceReport(String document, String application) {
        if (document != null && application != null) {
            throw new IllegalArgumentException("a licence report covers one document or one application, not both");
        }
        return document != null ? licenceReportOfDocument(document)
                : application != null ? licenceReportOfApplication(application)
                : licenceReportOfPortfolio();
    }

    /**
     * The findings of one document (by digest), one application (by its subject's purl) or, both null, the
     * portfolio (OpenVEX only), as an OpenVEX 0.2.0 document or a CycloneDX 1.6 VEX BOM stamped with this time;
     * see {@link VexExport}.
     */
    public String exportVex(VexExport.Format format, String document, String application,
            java.time.Instant timestamp) {
        return new VexExport(store).export(format, document, application, timestamp);
    }

    /**
     * An SBOM's quality (by digest or unambiguous prefix): its score, 0 to 10, and each check's verdict and reason;
     * see {@link QualityScores}.
     */
    public Quality quality(String digest) {
        return new QualityScores(store).of(digest);
    }

    /** Counts of what the graph holds, its findings as {@code vulns} lists them by default. */
    public Stats stats() {
        return new Inventory(store).stats(vulns(new Vulns.Query(null, null, null, false)));
    }

    /** The server's API tokens. */
    public Tokens tokens() {
        return new Tokens(store.tokens());
    }

    /** Jobs the server runs after answering their request. */
    public Jobs jobs() {
        return new Jobs(store.jobs());
    }

    /**
     * How often this graph's writes were retried since it was opened, by cause: how rare deadlocks and serialisation
     * failures between concurrent writers are, which a worker reports.
     */
    public StoreRetries storeRetries() {
        return store.retries();
    }

    /** Throws a {@link io.supplygraph.store.StoreException} unless the database answers with the current schema. */
    public void ping() {
        store.stats().ping();
    }

    public String location() {
        return store.database().url();
    }

    @Override
    public void close() {
        store.close();
    }
}
