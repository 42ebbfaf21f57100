package io.supplygraph.ingest.cve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.fact.AdvisoryFacts.Severity;
import io.supplygraph.model.fact.CveFacts;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * CVE JSON 5.x records: the real ones of the corpus ({@code cve5}, metrics as their CNAs published them) and samples
 * written here after the CVE JSON 5 schema for what the corpus has no example of (a CISA ADP metric, a rejected
 * record). Expected scores and ratings are the records' own {@code baseScore} and {@code baseSeverity}.
 */
class CveRecordReaderTest {

    private static CveFacts corpus(String id) throws Exception {
        try (InputStream in = Files.newInputStream(Corpus.path("cve5/" + id + ".json"))) {
            return new CveRecordReader().read(in, id + ".json");
        }
    }

    private static CveFacts sample(String json) throws Exception {
        return new CveRecordReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "sample");
    }

    @Test
    void theNewestCvssVersionOfTheCnaWins() throws Exception {
        // CVE-2017-20197.json: the CNA gives cvssV4_0 6.9 MEDIUM, cvssV3_1 and cvssV3_0 7.3 HIGH, cvssV2_0 7.5
        CveFacts facts = corpus("CVE-2017-20197");
        assertThat(facts.cveId()).isEqualTo("CVE-2017-20197");
        assertThat(facts.specVersion()).isEqualTo("5.1");
        assertThat(facts.dateUpdated()).isEqualTo("2025-04-09T13:17:18.497Z");
        assertThat(facts.severity()).isEqualTo(new Severity("medium", 6.9,
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N"));
        assertThat(facts.provider()).isEqualTo("cna");
    }

    @Test
    void cvss31AndCvss2AsTheRecordsGiveThem() throws Exception {
        // CVE-2021-32714.json: cvssV3_1 CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H, 5.9 MEDIUM
        assertThat(corpus("CVE-2021-32714").severity()).isEqualTo(new Severity("medium", 5.9,
                "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"));
        // CVE-2024-7826.json: only cvssV2_0 AV:L/AC:L/Au:S/C:C/I:N/A:C, 6.2 and no baseSeverity: NVD's v2 scale
        // rates 4.0-6.9 medium
        assertThat(corpus("CVE-2024-7826").severity()).isEqualTo(new Severity("medium", 6.2,
                "AV:L/AC:L/Au:S/C:C/I:N/A:C"));
    }

    @Test
    void aTextualSeverityIsNotCvssSoTheRecordRatesNothing() throws Exception {
        // CVE-2024-26308.json: the CNA writes "moderate" as text ("other"), CISA's ADP adds SSVC only
        CveFacts facts = corpus("CVE-2024-26308");
        assertThat(facts.severity()).isNull();
        assertThat(facts.provider()).isNull();
    }

    @Test
    void cisaAdpRatesWhatTheCnaLeftUnrated() throws Exception {
        CveFacts facts = sample("""
                {"dataType":"CVE_RECORD","dataVersion":"5.1",
                 "cveMetadata":{"cveId":"CVE-2024-99999","assignerOrgId":"00000000-0000-4000-8000-000000000000",
                   "state":"PUBLISHED","dateUpdated":"2024-09-01T00:00:00.000Z"},
                 "containers":{
                   "cna":{"providerMetadata":{"orgId":"00000000-0000-4000-8000-000000000000"},
                     "metrics":[{"format":"other","other":{"type":"text","content":{"text":"high"}}}]},
                   "adp":[{"providerMetadata":{"orgId":"134c704f-9b21-4f2e-91b3-4a467353bcc0","shortName":"CISA-ADP"},
                     "metrics":[{"cvssV3_1":{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                       "baseScore":9.8,"baseSeverity":"CRITICAL"}}]}]}}
                """);
        assertThat(facts.severity()).isEqualTo(new Severity("critical", 9.8,
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(facts.provider()).isEqualTo("adp:CISA-ADP");
    }

    @Test
    void aRejectedRecordRatesNothing() throws Exception {
        CveFacts facts = sample("""
                {"dataType":"CVE_RECORD","dataVersion":"5.0",
                 "cveMetadata":{"cveId":"CVE-2023-0001","state":"REJECTED","dateRejected":"2023-02-01T00:00:00Z",
                   "dateUpdated":"2023-02-01T00:00:00Z"},
                 "containers":{"cna":{"rejectedReasons":[{"lang":"en","value":"Duplicate of CVE-2023-0002."}]}}}
                """);
        assertThat(facts.state()).isEqualTo("REJECTED");
        assertThat(facts.severity()).isNull();
    }

    @Test
    void whatIsNotARecordIsRejected() {
        assertThatThrownBy(() -> sample("{\"dataType\":\"CVE_RECORD\",\"cveMetadata\":{\"cveId\":\"GHSA-x\"}}"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("cveId");
        assertThatThrownBy(() -> sample("{\"cveMetadata\":"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("malformed JSON");
    }
}
