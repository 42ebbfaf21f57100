package io.supplygraph.store.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.model.fact.SbomMeasures;
import io.supplygraph.store.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** What each SBOM's quality checks are scored from, as its ingest counted it (migration V11). */
public final class QualitySql {

    private static final String INSERT = "INSERT INTO document_quality (document_id, measures) VALUES (?, ?)";
    private static final String OF_DOCUMENTS = """
            SELECT document_id, measures FROM document_quality WHERE document_id IN %s
            """;
    /** A measure that a later release adds is absent from older rows, and reads as 0. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Session session;

    public QualitySql(Session session) {
        this.session = session;
    }

    static void write(Connection c, long document, SbomMeasures measures) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setLong(1, document);
            s.setString(2, JSON.writeValueAsString(measures));
            s.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("measures that do not write as JSON", e);
        }
    }

    /** The measures of those documents that have them (SBOMs ingested since V11). */
    public Map<Long, SbomMeasures> ofDocuments(Collection<Long> documents) {
        Map<Long, SbomMeasures> measures = new HashMap<>();
        for (Map.Entry<Long, String> row : Sql.select(session, OF_DOCUMENTS, documents, "reading quality measures",
                rs -> Map.entry(rs.getLong(1), rs.getString(2)))) {
            try {
                measures.put(row.getKey(), JSON.readValue(row.getValue(), SbomMeasures.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored quality measures no longer read: " + e.getMessage(), e);
            }
        }
        return measures;
    }
}
