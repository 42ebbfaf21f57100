package io.supplygraph.ingest.osv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.AdvisoryFacts.Advisory;
import io.supplygraph.model.osv.OsvEvent;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class OsvReaderTest {

    private static AdvisoryFacts read(String text) throws Exception {
        return new OsvReader().read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsJsonAndYamlRecordsFromAStream() throws Exception {
        OsvReader reader = new OsvReader();
        String json = "\uFEFF\n  {\"id\": \"GO-1\", \"modified\": \"2024-01-01T00:00:00Z\"}";
        // the indentation of the first key is the record's: a reader that dropped it would break the YAML
        String yaml = "# PyPA\n\n  id: PYSEC-1\n  modified: 2024-01-01T00:00:00Z\n  aliases: [CVE-1]\n";
        assertThat(reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "GO-1.json").name())
                .isEqualTo("GO-1");
        assertThat(reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "PYSEC-1.yaml")
                .advisories().get(0).aliases()).containsExactly("CVE-1");
    }

    @Test
    void keepsUnquotedYamlVersionsAsWritten() throws Exception {
        // YAML would read 1.10 as the number 1.1; as a version it must stay 1.10
        Advisory a = read("""
                id: PYSEC-0000-1
                modified: 2024-01-01T00:00:00Z
                affected:
                - package: {ecosystem: PyPI, name: demo}
                  ranges:
                  - type: ECOSYSTEM
                    events:
                    - introduced: 0
                    - fixed: 1.10
                  versions: [1.0, 1.9]
                """).advisories().get(0);
        assertThat(a.affected().get(0).entry().ranges().get(0).events())
                .containsExactly(OsvEvent.introduced("0"), OsvEvent.fixed("1.10"));
        assertThat(a.affected().get(0).entry().versions()).containsExactly("1.0", "1.9");
    }

    @Test
    void readsTheCorpusPypaYaml() throws Exception {
        // PYSEC-2023-74.yaml: aliases CVE-2023-32681 and GHSA-j8r2-6x86-q33q, package requests
        Advisory a = new OsvReader().read(Files.readAllBytes(
                Corpus.path("osv/pypa-advisory-database/vulns/requests/PYSEC-2023-74.yaml"))).advisories().get(0);
        assertThat(a.id()).isEqualTo("PYSEC-2023-74");
        assertThat(a.aliases()).contains("CVE-2023-32681");
        assertThat(a.affected()).extracting(x -> x.key()).containsExactly("PyPI|requests");
    }

    @Test
    void marksMalRecordsMalicious() throws Exception {
        assertThat(read("{\"id\":\"MAL-2024-1\",\"modified\":\"2024-01-01T00:00:00Z\"}").advisories().get(0).kind())
                .isEqualTo(AdvisoryFacts.Kind.MALICIOUS);
    }

    @Test
    void rejectsARecordWithoutIdOrModified() {
        assertThatThrownBy(() -> read("{\"id\":\"X-1\"}")).isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("modified");
        assertThatThrownBy(() -> read("{\"id\": ")).isInstanceOf(DocumentRejectedException.class)
                .hasMessageContaining("line 1");
    }
}
