package io.supplygraph.store;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.DocumentStore;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.store.sql.AdvisorySql;
import io.supplygraph.store.sql.ApplicationSql;
import io.supplygraph.store.sql.CveSql;
import io.supplygraph.store.sql.DocumentSql;
import io.supplygraph.store.sql.DocumentWriter;
import io.supplygraph.store.sql.EpssSql;
import io.supplygraph.store.sql.FindingSql;
import io.supplygraph.store.sql.GraphSql;
import io.supplygraph.store.sql.JobSql;
import io.supplygraph.store.sql.KevSql;
import io.supplygraph.store.sql.LicenceSql;
import io.supplygraph.store.sql.QualitySql;
import io.supplygraph.store.sql.RematchSql;
import io.supplygraph.store.sql.OverviewSql;
import io.supplygraph.store.sql.PackageSql;
import io.supplygraph.store.sql.ProvenanceSql;
import io.supplygraph.store.sql.ScorecardSql;
import io.supplygraph.store.sql.SearchSql;
import io.supplygraph.store.sql.SourceSql;
import io.supplygraph.store.sql.StatsSql;
import io.supplygraph.store.sql.TokenSql;
import io.supplygraph.store.sql.VexSql;
import java.util.List;

/**
 * The graph's database and the SQL for each concern: documents, packages, the graph's edges, counts, VEX, provenance,
 * source repositories and their scorecards, exploit data (KEV, EPSS).
 *
 * <p>The store that {@link #open} returns reads and writes through the database's writer connection: its queries are
 * for one thread at a time, while any number of threads may store documents through it. {@link #reading} gives a
 * store of the same queries over a connection borrowed from the reader pool, which refuses to write; give each
 * thread that reads while others write its own.
 */
public final class GraphStore implements DocumentStore, AutoCloseable {

    private final Database database;
    /** What the queries read through: the database itself, or a borrowed connection. */
    private final Session session;
    /** Null in a reading store. */
    private final DocumentWriter writer;
    private final DocumentSql documents;
    private final PackageSql packages;
    private final GraphSql graph;
    private final StatsSql stats;
    private final VexSql vex;
    private final ProvenanceSql provenance;
    private final SourceSql sources;
    private final ScorecardSql scorecards;
    private final AdvisorySql advisories;
    private final CveSql cves;
    private final FindingSql findings;
    private final RematchSql rematches;
    private final TokenSql tokens;
    private final JobSql jobs;
    private final OverviewSql overview;
    private final ApplicationSql applications;
    private final SearchSql search;
    private final LicenceSql licences;
    private final QualitySql quality;
    private final KevSql kev;
    private final EpssSql epss;

    private GraphStore(Database database, Session session, DocumentWriter writer) {
        this.database = database;
        this.session = session;
        this.writer = writer;
        this.documents = new DocumentSql(session);
        this.packages = new PackageSql(session);
        this.graph = new GraphSql(session);
        this.stats = new StatsSql(session);
        this.vex = new VexSql(session);
        this.provenance = new ProvenanceSql(session);
        this.sources = new SourceSql(session);
        this.scorecards = new ScorecardSql(session);
        this.advisories = new AdvisorySql(session);
        this.cves = new CveSql(session);
        this.findings = new FindingSql(session);
        this.rematches = new RematchSql(session);
        this.tokens = new TokenSql(session);
        this.jobs = new JobSql(session);
        this.overview = new OverviewSql(session);
        this.applications = new ApplicationSql(session);
        this.search = new SearchSql(session);
        this.licences = new LicenceSql(session);
        this.quality = new QualitySql(session);
        this.kev = new KevSql(session);
        this.epss = new EpssSql(session);
    }

    /** Opens the store at a JDBC URL or an SQLite file path, migrating its schema first. */
    public static GraphStore open(String location) {
        return open(location, PoolOptions.defaults());
    }

    /** As {@link #open(String)}, with the reader pool as {@code pool} says. */
    public static GraphStore open(String location, PoolOptions pool) {
        return open(location, pool, OpenMode.CREATE);
    }

    /** As {@link #open(String, PoolOptions)}; {@code mode} says whether a missing graph is created or refused. */
    public static GraphStore open(String location, PoolOptions pool, OpenMode mode) {
        Database database = Database.open(location, pool, mode);
        return new GraphStore(database, database, new DocumentWriter(database));
    }

    /**
     * The same queries over one connection borrowed from the reader pool, in one snapshot of the graph until closed
     * (see {@link ReadingSession}); closing it gives the connection back. It refuses to write.
     */
    public GraphStore reading() {
        return new GraphStore(database, database.reading(), null);
    }

    /** True for a store from {@link #reading}. */
    public boolean isReading() {
        return writer == null;
    }

    /** @throws IllegalStateException in a reading store */
    public void requireWritable() {
        writer();
    }

    private DocumentWriter writer() {
        if (writer == null) {
            throw new IllegalStateException(ReadingSession.READ_ONLY);
        }
        return writer;
    }

    @Override
    public boolean contains(String digest) {
        return writer().exists(digest);
    }

    @Override
    public boolean store(DocumentRecord record) {
        return writer().store(record);
    }

    @Override
    public List<StoreResult> storeAll(List<DocumentRecord> records) {
        return writer().storeAll(records);
    }

    @Override
    public StoreRetries retries() {
        return writer().retries();
    }

    /** Derives more facts from every stored document, inside the transaction that stores it. */
    public void listen(FactsListener listener) {
        writer().listen(listener);
    }

    public AdvisorySql advisories() {
        return advisories;
    }

    public CveSql cves() {
        return cves;
    }

    public FindingSql findings() {
        return findings;
    }

    /** Match keys waiting for a re-match job. */
    public RematchSql rematches() {
        return rematches;
    }

    public DocumentSql documents() {
        return documents;
    }

    public PackageSql packages() {
        return packages;
    }

    public GraphSql graph() {
        return graph;
    }

    public StatsSql stats() {
        return stats;
    }

    public VexSql vex() {
        return vex;
    }

    public ProvenanceSql provenance() {
        return provenance;
    }

    public SourceSql sources() {
        return sources;
    }

    public ScorecardSql scorecards() {
        return scorecards;
    }

    public TokenSql tokens() {
        return tokens;
    }

    public JobSql jobs() {
        return jobs;
    }

    public OverviewSql overview() {
        return overview;
    }

    public ApplicationSql applications() {
        return applications;
    }

    public SearchSql search() {
        return search;
    }

    public QualitySql quality() {
        return quality;
    }

    public LicenceSql licences() {
        return licences;
    }

    /** CISA's Known Exploited Vulnerabilities catalog. */
    public KevSql kev() {
        return kev;
    }

    /** FIRST's EPSS scores. */
    public EpssSql epss() {
        return epss;
    }

    /** The database this store reads; a reading store's too (whose queries do not read through its connections). */
    public Database database() {
        return database;
    }

    /** Closes the database, or for a reading store gives its connection back to the pool. */
    @Override
    public void close() {
        if (session instanceof ReadingSession borrowed) {
            borrowed.close();
        } else {
            database.close();
        }
    }
}
