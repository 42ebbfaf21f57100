package io.supplygraph.store.sql;

import io.supplygraph.store.Session;
import java.util.Collection;
import java.util.List;

/** Source repositories of package versions, as SBOMs' VCS references state them. */
public final class SourceSql {

    /** One document's statement that a package version comes from a repository (at a revision, or null). */
    public record SourceOfRow(long version, long document, String url, String revision) {}

    private static final String SOURCES_OF = """
            SELECT so.package_version_id, so.document_id, s.url, so.revision
            FROM source_of so JOIN source s ON s.id = so.source_id
            WHERE so.package_version_id IN %s
            """;

    /**
     * The same, for the repositories some scorecard is about: a portfolio's SBOMs state a repository for most of
     * their components (1.2 million rows on the bench's 5,000-SBOM store), of which a scorecard look-up can use only
     * these.
     */
    private static final String SCORED_SOURCES_OF = """
            SELECT so.package_version_id, so.document_id, s.url, so.revision
            FROM source_of so JOIN source s ON s.id = so.source_id
            WHERE so.package_version_id IN %s
              AND EXISTS (SELECT 1 FROM scorecard sc WHERE sc.source_id = so.source_id)
            """;

    private final Session session;

    public SourceSql(Session session) {
        this.session = session;
    }

    public List<SourceOfRow> sourcesOf(Collection<Long> versions) {
        return select(SOURCES_OF, versions);
    }

    /** As {@link #sourcesOf}, leaving out the repositories no scorecard is about. */
    public List<SourceOfRow> scoredSourcesOf(Collection<Long> versions) {
        return select(SCORED_SOURCES_OF, versions);
    }

    private List<SourceOfRow> select(String template, Collection<Long> versions) {
        return Sql.select(session, template, versions, "reading source repositories",
                rs -> new SourceOfRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)));
    }
}
