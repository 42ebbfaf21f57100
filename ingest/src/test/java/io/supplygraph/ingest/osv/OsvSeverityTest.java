package io.supplygraph.ingest.osv;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.fact.AdvisoryFacts.Severity;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Scores are the published base scores of well-known vectors; ratings follow each CVSS version's scale. */
class OsvSeverityTest {

    private static Severity of(String json) throws Exception {
        return new OsvReader().read(json.getBytes(StandardCharsets.UTF_8)).advisories().get(0).severity();
    }

    @Test
    void scoresEveryCvssVersion() {
        // NVD: the classic v2 vector of a remote unauthenticated partial compromise is 7.5, "high" on v2's scale
        assertThat(OsvSeverity.fromVector("AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEqualTo(
                new Severity("high", 7.5, "AV:N/AC:L/Au:N/C:P/I:P/A:P"));
        // CVSS 3.0 specification: network, low complexity, no privileges, low integrity impact is 5.3
        assertThat(OsvSeverity.fromVector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N").score()).isEqualTo(5.3);
        // CVSS 3.1: the all-high unchanged-scope vector is 9.8, critical
        assertThat(OsvSeverity.fromVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"))
                .extracting(Severity::rating, Severity::score).containsExactly("critical", 9.8);
        // CVSS 4.0: every impact high and nothing required is the maximum, 10.0
        assertThat(OsvSeverity.fromVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H").score())
                .isEqualTo(10.0);
        assertThat(OsvSeverity.fromVector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N").rating())
                .isEqualTo("none");
        assertThat(OsvSeverity.fromVector("CVSS:3.1/AV:N")).isNull();
    }

    @Test
    void prefersTheNewestCvssVersion() throws Exception {
        Severity s = of("""
                {"id":"X-1","modified":"2024-01-01T00:00:00Z","severity":[
                  {"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"},
                  {"type":"CVSS_V4","score":"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"}]}""");
        assertThat(s.score()).isEqualTo(10.0);
        assertThat(s.source()).startsWith("CVSS:4.0");
    }

    @Test
    void fallsBackToTheDatabasesWordWithoutAVector() throws Exception {
        // GitHub writes MODERATE for medium
        assertThat(of("""
                {"id":"X-2","modified":"2024-01-01T00:00:00Z","database_specific":{"severity":"MODERATE"}}"""))
                .isEqualTo(new Severity("medium", null, "database_specific"));
        assertThat(of("""
                {"id":"X-3","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"Ubuntu:22.04:LTS",
                 "name":"openssl"},"ecosystem_specific":{"severity":"high"}}]}""").rating()).isEqualTo("high");
        assertThat(of("""
                {"id":"X-4","modified":"2024-01-01T00:00:00Z"}""")).isNull();
    }
}
