package io.supplygraph.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.view.Quality.Check;
import io.supplygraph.analysis.view.Quality.Verdict;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.fact.SbomMeasures;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks on measures made by hand, for the cases the corpus files above do not show. */
class QualityCheckTest {

    private static final Instant INGESTED = Instant.parse("2026-06-01T00:00:00Z");

    private static SbomMeasures measures(int components, int validPurls, int purls, int unreached, int dangling,
            boolean creationRead, String timestamp) {
        return new SbomMeasures(components, components, components, components, validPurls, purls, validPurls,
                components, components, components, components, components, unreached, dangling, creationRead,
                timestamp, 1, 1);
    }

    private static Check judge(QualityCheck check, DocumentFormat format, String version, SbomMeasures m) {
        return check.judge(new QualityCheck.Document(format, version, INGESTED, m));
    }

    private static List<Check> all(DocumentFormat format, String version, SbomMeasures m) {
        return Arrays.stream(QualityCheck.values()).map(c -> judge(c, format, version, m)).toList();
    }

    @Test
    void aPerfectDocumentScoresTen() {
        List<Check> checks = all(DocumentFormat.CYCLONEDX_JSON, "1.6", measures(4, 4, 4, 0, 0, true,
                "2026-01-01T00:00:00Z"));
        assertThat(checks).extracting(Check::verdict).containsOnly(Verdict.PASS);
        assertThat(QualityScores.score(checks)).isEqualTo(10.0);
    }

    @Test
    void componentChecksScoreTheSharePassingAndFailUnlessAllPass() {
        Check purls = judge(QualityCheck.PURLS_VALID, DocumentFormat.CYCLONEDX_JSON, "1.6",
                measures(4, 3, 4, 0, 0, true, null));
        assertThat(purls.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(purls.score()).isEqualTo(7.5);
        assertThat(purls.reason()).isEqualTo("3 of 4 purls are valid");
    }

    @Test
    void danglingRefsUnreachedComponentsAndOldSpecsFail() {
        SbomMeasures m = measures(4, 4, 4, 1, 2, true, "2026-01-01T00:00:00Z");
        assertThat(judge(QualityCheck.NO_DANGLING_REFS, DocumentFormat.SPDX_2_JSON, "2.3", m).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(judge(QualityCheck.GRAPH_COMPLETE, DocumentFormat.SPDX_2_JSON, "2.3", m).score()).isEqualTo(7.5);
        assertThat(judge(QualityCheck.SPEC_VERSION_CURRENT, DocumentFormat.SPDX_2_JSON, "2.2", m).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(judge(QualityCheck.SPEC_VERSION_CURRENT, DocumentFormat.CYCLONEDX_XML, "1.10", m).verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void aTimestampAfterTheIngestIsImplausibleAndAnUnreadableOneIsNoTimestamp() {
        SbomMeasures future = measures(1, 1, 1, 0, 0, true, "2030-01-01T00:00:00Z");
        assertThat(judge(QualityCheck.TIMESTAMP_PLAUSIBLE, DocumentFormat.CYCLONEDX_JSON, "1.6", future).verdict())
                .isEqualTo(Verdict.FAIL);
        SbomMeasures garbled = measures(1, 1, 1, 0, 0, true, "last Tuesday");
        assertThat(judge(QualityCheck.NTIA_TIMESTAMP, DocumentFormat.CYCLONEDX_JSON, "1.6", garbled).verdict())
                .isEqualTo(Verdict.FAIL);
        assertThat(judge(QualityCheck.TIMESTAMP_PLAUSIBLE, DocumentFormat.CYCLONEDX_JSON, "1.6", garbled).verdict())
                .isEqualTo(Verdict.NOT_APPLICABLE);
    }

    @Test
    void creationInfoAFormatsReaderDoesNotReadIsNotApplicableAndLeftOutOfTheScore() {
        List<Check> checks = all(DocumentFormat.CYCLONEDX_XML, "1.6", measures(2, 2, 2, 0, 0, false, null));
        assertThat(checks).filteredOn(c -> c.verdict() == Verdict.NOT_APPLICABLE).extracting(Check::check)
                .containsExactly("ntia_author", "ntia_timestamp", "bsi_sbom_creator", "timestamp_plausible");
        assertThat(QualityScores.score(checks)).as("every applicable check passes").isEqualTo(10.0);
    }

    @Test
    void aDocumentWithoutComponentsHasOnlyItsDocumentChecks() {
        List<Check> checks = all(DocumentFormat.SPDX_2_JSON, "2.3", measures(0, 0, 0, 0, 0, true,
                "2026-01-01T00:00:00Z"));
        assertThat(checks).filteredOn(c -> c.verdict() != Verdict.NOT_APPLICABLE).extracting(Check::check)
                .containsExactly("ntia_author", "ntia_timestamp", "bsi_sbom_creator", "no_dangling_refs",
                        "timestamp_plausible", "spec_version_current");
    }
}
