package io.supplygraph.store.sql;

import io.supplygraph.store.Dialect;
import io.supplygraph.store.Session;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * The graph's edges, read in batches: one statement per frontier of a search, never one per node. Queries
 * in the analysis module walk the graph with these.
 */
public final class GraphSql {

    /** A package version in a document, with its parent on the shortest path from the document's subject. */
    public record ContainsRow(long document, long version, Long parent, int depth) {}

    /** A dependency edge as one document stated it. */
    public record EdgeRow(long document, long from, long to, String kind) {}

    /** A package version whose artifact has this digest, as one document stated it. */
    public record OccurrenceRow(long document, long version, long artifact, String digest) {}

    /**
     * Every document containing one of the seeds, with the seed's whole chain of parents up to the subject.
     * UNION (not UNION ALL) so that chains meeting at a shared parent are walked once. Each step is a primary-key
     * lookup of the parent; SQLite plans it so.
     */
    private static final String CHAINS = """
            WITH RECURSIVE chain (document_id, package_version_id, parent_id, depth) AS (
                SELECT document_id, package_version_id, parent_id, depth
                FROM contains WHERE package_version_id IN %s
              UNION
                SELECT c.document_id, c.package_version_id, c.parent_id, c.depth
                FROM contains c JOIN chain ON c.document_id = chain.document_id
                                          AND c.package_version_id = chain.parent_id
            )
            SELECT document_id, package_version_id, parent_id, depth FROM chain
            """;

    /**
     * The same walk for PostgreSQL, whose planner misjudges how many rows hundreds of seeds give and hash-joins the
     * recursive step against all of {@code contains} (a sequential scan of 2.5 million rows, 520 ms, on the
     * 5,000-SBOM bench store). The LATERAL subquery with LIMIT 1 cannot be flattened, so each step stays the
     * primary-key lookup it is: 20 ms for the same 900 seeds. SQLite has no LATERAL, and needs none.
     */
    private static final String CHAINS_POSTGRESQL = """
            WITH RECURSIVE chain (document_id, package_version_id, parent_id, depth) AS (
                SELECT document_id, package_version_id, parent_id, depth
                FROM contains WHERE package_version_id IN %s
              UNION
                SELECT c.document_id, c.package_version_id, c.parent_id, c.depth
                FROM chain CROSS JOIN LATERAL (
                    SELECT document_id, package_version_id, parent_id, depth FROM contains
                    WHERE document_id = chain.document_id AND package_version_id = chain.parent_id
                    LIMIT 1) c
            )
            SELECT document_id, package_version_id, parent_id, depth FROM chain
            """;
    private static final String CONTAINED_IN = """
            SELECT document_id, package_version_id, parent_id, depth FROM contains WHERE document_id IN %s
            """;
    private static final String SUBJECTS_OF = """
            SELECT document_id, package_version_id, parent_id, depth FROM contains
            WHERE document_id IN %s AND depth = 0
            """;
    private static final String DESCRIBING = """
            SELECT document_id, package_version_id, parent_id, depth FROM contains
            WHERE package_version_id IN %s AND depth = 0
            """;
    private static final String CONTAINING = """
            SELECT document_id, package_version_id, parent_id, depth FROM contains WHERE package_version_id IN %s
            """;
    private static final String EDGES_FROM = "SELECT document_id, from_id, to_id, kind FROM depends_on WHERE from_id IN %s";
    private static final String EDGES_TO = "SELECT document_id, from_id, to_id, kind FROM depends_on WHERE to_id IN %s";
    private static final String OCCURRENCES_OF = """
            SELECT o.document_id, o.package_version_id, o.artifact_id, a.digest
            FROM occurrence o JOIN artifact a ON a.id = o.artifact_id
            WHERE o.package_version_id IN %s
            """;
    private static final String OCCURRENCES_IN = """
            SELECT o.document_id, o.package_version_id, o.artifact_id, a.digest
            FROM occurrence o JOIN artifact a ON a.id = o.artifact_id
            WHERE o.document_id IN %s
            """;
    private static final String OCCURRENCES_WITH = """
            SELECT o.document_id, o.package_version_id, o.artifact_id, a.digest
            FROM occurrence o JOIN artifact a ON a.id = o.artifact_id
            WHERE o.artifact_id IN %s
            """;
    private static final String ARTIFACT_BY_DIGEST = "SELECT id FROM artifact WHERE digest = ?";

    private final Session session;

    public GraphSql(Session session) {
        this.session = session;
    }

    public List<ContainsRow> chainsTo(Collection<Long> versions) {
        return contains(session.dialect() == Dialect.POSTGRESQL ? CHAINS_POSTGRESQL : CHAINS, versions);
    }

    /** Everything the given documents contain. */
    public List<ContainsRow> containedIn(Collection<Long> documents) {
        return contains(CONTAINED_IN, documents);
    }

    /** The subjects of the given documents (their depth-0 rows). */
    public List<ContainsRow> subjectsOf(Collection<Long> documents) {
        return contains(SUBJECTS_OF, documents);
    }

    /** The documents whose subject is one of the given versions (their depth-0 rows), by the version's index. */
    public List<ContainsRow> describing(Collection<Long> versions) {
        return contains(DESCRIBING, versions);
    }

    /** Where the given versions are contained, one row per document. */
    public List<ContainsRow> containing(Collection<Long> versions) {
        return contains(CONTAINING, versions);
    }

    public List<EdgeRow> edgesFrom(Collection<Long> versions) {
        return edges(EDGES_FROM, versions);
    }

    public List<EdgeRow> edgesTo(Collection<Long> versions) {
        return edges(EDGES_TO, versions);
    }

    public List<OccurrenceRow> occurrencesOf(Collection<Long> versions) {
        return occurrences(OCCURRENCES_OF, versions);
    }

    /** The artifacts these documents state for what they contain. */
    public List<OccurrenceRow> occurrencesIn(Collection<Long> documents) {
        return occurrences(OCCURRENCES_IN, documents);
    }

    public List<OccurrenceRow> occurrencesWith(Collection<Long> artifacts) {
        return occurrences(OCCURRENCES_WITH, artifacts);
    }

    /** The artifact stored under this digest ({@code algorithm:hex}), or null. */
    public Long artifact(String digest) {
        try (PreparedStatement s = session.connection().prepareStatement(ARTIFACT_BY_DIGEST)) {
            s.setString(1, digest);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw Sql.failure("finding artifact " + digest, e);
        }
    }

    /** An artifact: its id and its digest. */
    public record ArtifactRow(long id, String digest) {}

    /** At most two artifacts whose digest starts with {@code prefix} (algorithm included): one, or ambiguity. */
    public List<ArtifactRow> artifactsStartingWith(String prefix) {
        return Sql.query(session, "SELECT id, digest FROM artifact WHERE digest LIKE ? ORDER BY digest LIMIT 2",
                "finding artifacts " + prefix, rs -> new ArtifactRow(rs.getLong(1), rs.getString(2)),
                prefix.replace("%", "").replace("_", "") + "%");
    }

    private List<ContainsRow> contains(String template, Collection<Long> ids) {
        return select(template, ids, "reading what documents contain", rs -> {
            // wasNull speaks of the column read last, so the parent's is asked before any other column is read.
            long parent = rs.getLong(3);
            Long parentOrNull = rs.wasNull() ? null : parent;
            return new ContainsRow(rs.getLong(1), rs.getLong(2), parentOrNull, rs.getInt(4));
        });
    }

    private List<EdgeRow> edges(String template, Collection<Long> ids) {
        return select(template, ids, "reading dependency edges",
                rs -> new EdgeRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
    }

    private List<OccurrenceRow> occurrences(String template, Collection<Long> ids) {
        return select(template, ids, "reading artifacts",
                rs -> new OccurrenceRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
    }

    private <R> List<R> select(String template, Collection<Long> ids, String what, Sql.RowReader<R> reader) {
        return Sql.select(session, template, ids, what, reader);
    }
}
