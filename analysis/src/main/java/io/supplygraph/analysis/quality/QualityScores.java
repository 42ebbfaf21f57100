package io.supplygraph.analysis.quality;

import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.Quality;
import io.supplygraph.analysis.view.Quality.Check;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.fact.SbomMeasures;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SBOM quality: the {@link QualityCheck}s judged on the measures each SBOM's ingest counted (no SBOM is read
 * again). Policy code calls {@link #of(String)} for one document, or {@link #scores} for many at once.
 */
public final class QualityScores {

    private final GraphStore store;

    public QualityScores(GraphStore store) {
        this.store = store;
    }

    /** One document's score and checks, by digest or unambiguous prefix. */
    public Quality of(String digest) {
        DocumentRow row = Documents.row(store, digest);
        DocumentFormat format = DocumentFormat.fromLabel(row.format());
        if (!format.isSbom()) {
            throw new IllegalArgumentException(row.digest() + " is " + format.label()
                    + ", not an SBOM: quality is scored for SBOMs");
        }
        SbomMeasures measures = store.quality().ofDocuments(List.of(row.id())).get(row.id());
        if (measures == null) {
            return new Quality(row.digest(), format, row.specVersion(), null, List.of());
        }
        List<Check> checks = judge(row, measures);
        return new Quality(row.digest(), format, row.specVersion(), score(checks), checks);
    }

    /** The scores of these documents, by id: only SBOMs whose measures were taken have one. */
    public Map<Long, Double> scores(Collection<DocumentRow> documents) {
        Map<Long, DocumentRow> sboms = new HashMap<>();
        documents.forEach(d -> {
            if (DocumentFormat.fromLabel(d.format()).isSbom()) {
                sboms.put(d.id(), d);
            }
        });
        Map<Long, Double> scores = new HashMap<>();
        store.quality().ofDocuments(sboms.keySet()).forEach((id, m) -> scores.put(id, score(judge(sboms.get(id), m))));
        return scores;
    }

    private static List<Check> judge(DocumentRow row, SbomMeasures measures) {
        QualityCheck.Document d = new QualityCheck.Document(DocumentFormat.fromLabel(row.format()), row.specVersion(),
                Instant.parse(row.ingestedAt()), measures);
        List<Check> checks = new ArrayList<>();
        for (QualityCheck check : QualityCheck.values()) {
            checks.add(check.judge(d));
        }
        return checks;
    }

    /** The weighted mean of the applicable checks' scores, one decimal; 0 when none applies. */
    static double score(List<Check> checks) {
        double weighted = 0;
        double weights = 0;
        for (Check c : checks) {
            if (c.score() != null) {
                weighted += c.weight() * c.score();
                weights += c.weight();
            }
        }
        return weights == 0 ? 0 : Math.round(10 * weighted / weights) / 10.0;
    }
}
