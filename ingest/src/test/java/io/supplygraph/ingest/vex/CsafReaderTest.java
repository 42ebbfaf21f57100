package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexReading.csafFile;
import static io.supplygraph.ingest.vex.VexReading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsafReaderTest {

    private static final String CSAF_2_0 = "attest-vex/oasis-csaf/csaf_2.0/";

    @Test
    void identifiesAProductWithoutPurlByItsBranchNameAndVersion() {
        // csaf_vex/2022-evd-uc-01-na-001.json: CSAFPID-0001 sits under product_name "ABC", product_version "4.2";
        // product_status.known_not_affected lists it, threats[0] (impact) gives the reason.
        Statement s = only(csafFile(Corpus.path(CSAF_2_0 + "examples/csaf/csaf_vex/2022-evd-uc-01-na-001.json"))
                .statements());
        assertEquals("CVE-2021-44228", s.vulnerability());
        assertEquals("pkg:generic/ABC@4.2", s.pkg().purl());
        assertEquals(Status.NOT_AFFECTED, s.status());
        assertEquals("Class with vulnerable code was removed before shipping.", s.impactStatement());
        assertEquals(Instant.parse("2022-03-03T11:00:00Z"), s.timestamp()); // tracking.current_release_date
    }

    @Test
    void resolvesRelationshipsToThePackagePurlAndKeepsThePlatformCpe() {
        // attest-vex/guac-exampledata/rhsa-csaf.json, vulnerabilities[0]: product ids are relationships
        // (default_component_of) of an rpm with a purl into BaseOS, which has only a CPE.
        VexFacts facts = csafFile(Corpus.path("attest-vex/guac-exampledata/rhsa-csaf.json"));
        Statement fixed = facts.statements().stream()
                .filter(s -> s.pkg().purl().equals("pkg:rpm/redhat/openssl@1.1.1k-8.el8_6?arch=aarch64&epoch=1"))
                .findFirst().orElseThrow();
        assertEquals("CVE-2023-0286", fixed.vulnerability());
        assertEquals(Status.FIXED, fixed.status());
        assertNull(fixed.product());
        assertEquals("cpe:/o:redhat:rhel_eus:8.6::baseos", fixed.productLabel());
        assertTrue(fixed.actionStatement().startsWith("For details on how to apply this update"));
        assertEquals(List.of("https://bugzilla.redhat.com/show_bug.cgi?id=2164440"), fixed.aliases()); // ids[].text
        assertEquals(Instant.parse("2023-03-23T11:14:00Z"), fixed.timestamp());
        assertEquals(1, facts.statements().stream().filter(s -> s.status() == Status.AFFECTED).count());
    }

    /**
     * Every CSAF 2.0 document the OASIS validator test cases call valid is read, and makes one statement per
     * (vulnerability, product id) pair of the four VEX status lists: the count comes straight from the JSON.
     */
    @Test
    void readsEveryValidTestCaseIntoOneStatementPerListedProduct() throws IOException {
        Path data = Corpus.path(CSAF_2_0 + "test/validator/data");
        ObjectMapper json = new ObjectMapper();
        List<Path> valid = new ArrayList<>();
        for (JsonNode test : json.readTree(data.resolve("testcases.json").toFile()).get("tests")) {
            for (JsonNode c : test.path("valid")) {
                valid.add(data.resolve(c.get("name").asText()));
            }
        }
        assertTrue(valid.size() > 50, "testcases.json lists " + valid.size() + " valid documents");
        Set<String> lists = Set.of("known_not_affected", "known_affected", "first_affected", "last_affected",
                "fixed", "first_fixed", "under_investigation");
        for (Path file : valid) {
            int expected = 0;
            for (JsonNode v : json.readTree(file.toFile()).path("vulnerabilities")) {
                if (!v.has("cve") && v.path("ids").isEmpty()) {
                    continue;
                }
                for (String list : lists) {
                    expected += v.path("product_status").path(list).size();
                }
            }
            VexFacts facts = csafFile(file);
            assertEquals(expected, facts.statements().size(), file + " " + facts.warnings());
        }
    }
}
