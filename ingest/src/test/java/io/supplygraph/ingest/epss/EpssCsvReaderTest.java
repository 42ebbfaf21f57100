package io.supplygraph.ingest.epss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRejectedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** FIRST's daily CSV as published: a comment line with the model version and score date, a header, the scores. */
class EpssCsvReaderTest {

    private static final String DAY = """
            #model_version:v2025.03.14,score_date:2026-11-29T00:00:00+0000
            cve,epss,percentile
            CVE-1999-0001,0.01238,0.78563
            cve-2021-44228,0.94358,0.99962
            """;

    @Test
    void readsTheCommentLineAndEveryScoreGzippedOrNot() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(DAY.getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] bytes : new byte[][] {DAY.getBytes(StandardCharsets.UTF_8), gz.toByteArray()}) {
            EpssScores scores = EpssCsvReader.read(new ByteArrayInputStream(bytes));
            assertThat(scores.modelVersion()).isEqualTo("v2025.03.14");
            assertThat(scores.scoreDate()).isEqualTo("2026-11-29T00:00:00+0000");
            assertThat(scores.scores()).containsExactly(new EpssScores.Score("CVE-1999-0001", 0.01238, 0.78563),
                    new EpssScores.Score("CVE-2021-44228", 0.94358, 0.99962));
        }
    }

    @Test
    void aFileWithoutTheCommentLineOrWithColumnsReorderedReadsToo() throws Exception {
        EpssScores scores = EpssCsvReader.read(new ByteArrayInputStream(
                "percentile,cve,epss\n0.5,CVE-2020-0001,0.1\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(scores.modelVersion()).isNull();
        assertThat(scores.scores()).containsExactly(new EpssScores.Score("CVE-2020-0001", 0.1, 0.5));
    }

    @Test
    void aLineThatDoesNotReadIsRejectedNamingIt() {
        assertThatThrownBy(() -> EpssCsvReader.read(new ByteArrayInputStream(
                "cve,epss,percentile\nCVE-2020-0001,high,0.5\n".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("line 2");
    }
}
