package io.supplygraph.store;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.DocumentStore;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.store.sql.AdvisorySql;
import io.supplygraph.store.sql.DocumentSql;
import io.supplygraph.store.sql.DocumentWriter;
import io.supplygraph.store.sql.FindingSql;
import io.supplygraph.store.sql.GraphSql;
import io.supplygraph.store.sql.JobSql;
import io.supplygraph.store.sql.PackageSql;
import io.supplygraph.store.sql.ProvenanceSql;
import io.supplygraph.store.sql.ScorecardSql;
import io.supplygraph.store.sql.SourceSql;
import io.supplygraph.store.sql.StatsSql;
import io.supplygraph.store.sql.TokenSql;
import io.supplygraph.store.sql.VexSql;
import java.util.List;

/**
 * The graph's database and the SQL for each concern: documents, packages, the graph's edges, counts, VEX, provenance,
 * source repositories and their scorecards.
 */
public final class GraphStore implements DocumentStore, AutoCloseable {

    private final Database database;
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
    private final FindingSql findings;
    private final TokenSql tokens;
    private final JobSql jobs;

    private GraphStore(Database database) {
        this.database = database;
        this.writer = new DocumentWriter(database);
        this.documents = new DocumentSql(database);
        this.packages = new PackageSql(database);
        this.graph = new GraphSql(database);
        this.stats = new StatsSql(database);
        this.vex = new VexSql(database);
        this.provenance = new ProvenanceSql(database);
        this.sources = new SourceSql(database);
        this.scorecards = new ScorecardSql(database);
        this.advisories = new AdvisorySql(database);
        this.findings = new FindingSql(database);
        this.tokens = new TokenSql(database);
        this.jobs = new JobSql(database);
    }

    /** Opens the store at a JDBC URL or an SQLite file path, migrating its schema first. */
    public static GraphStore open(String location) {
        return new GraphStore(Database.open(location));
    }

    @Override
    public boolean contains(String digest) {
        return writer.exists(digest);
    }

    @Override
    public boolean store(DocumentRecord record) {
        return writer.store(record);
    }

    @Override
    public List<StoreResult> storeAll(List<DocumentRecord> records) {
        return writer.storeAll(records);
    }

    @Override
    public StoreRetries retries() {
        return writer.retries();
    }

    /** Derives more facts from every stored document, inside the transaction that stores it. */
    public void listen(FactsListener listener) {
        writer.listen(listener);
    }

    public AdvisorySql advisories() {
        return advisories;
    }

    public FindingSql findings() {
        return findings;
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

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        database.close();
    }
}
