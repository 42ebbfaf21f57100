package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexReading.cycloneDx;
import static io.supplygraph.ingest.vex.VexReading.cycloneDxFile;
import static io.supplygraph.ingest.vex.VexReading.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycloneDxVexTest {

    @Test
    void followsABomLinkWhoseRefIsAPurl() {
        // sbom/cyclonedx-bom-examples/VEX/vex.json: affects[0].ref is urn:cdx:<serial>/1#<purl>; references[0].id is
        // the Snyk alias; analysis.state not_affected, justification code_not_reachable.
        Statement s = only(cycloneDxFile("sbom/cyclonedx-bom-examples/VEX/vex.json").vex());
        assertEquals("CVE-2020-25649", s.vulnerability());
        assertEquals(List.of("SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302"), s.aliases());
        assertEquals("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar", s.pkg().purl());
        assertNull(s.product());
        assertEquals(Status.NOT_AFFECTED, s.status());
        assertEquals("code_not_reachable", s.justification());
        assertTrue(s.impactStatement().startsWith("Automated dataflow analysis"));
        assertTrue(s.actionStatement().startsWith("Upgrade com.fasterxml.jackson.core:jackson-databind"));
    }

    @Test
    void aStatementOnTheSubjectIsAboutTheProductItself() {
        // VEX/CISA-Use-Cases/Case-1/vex-not_affected.json: affects product-ABC, the metadata component (ABC 4.2,
        // no purl); metadata.timestamp dates the analysis.
        Statement s = only(cycloneDxFile("sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-not_affected.json")
                .vex());
        assertEquals("pkg:generic/ABC@4.2", s.pkg().purl());
        assertNull(s.product());
        assertEquals("code_not_present", s.justification());
        assertEquals(Instant.parse("2022-03-03T00:00:00Z"), s.timestamp());
    }

    @Test
    void explicitVersionsOfATargetBecomeOneStatementEach() {
        // attest-vex/guac-exampledata/cyclonedx-vex-affected.json: state exploitable, affects[0].versions 2.4 and 2.6
        List<Statement> vex = cycloneDxFile("attest-vex/guac-exampledata/cyclonedx-vex-affected.json").vex();
        assertEquals(List.of("pkg:generic/ABC@2.4", "pkg:generic/ABC@2.6"), vex.stream().map(s -> s.pkg().purl()).toList());
        vex.forEach(s -> assertEquals(Status.AFFECTED, s.status()));
    }

    @Test
    void mapsEveryAnalysisState() {
        // guac-exampledata: false_positive and resolved_with_pedigree files, by their analysis.state
        assertEquals(Status.NOT_AFFECTED,
                only(cycloneDxFile("attest-vex/guac-exampledata/cyclonedx-vex-false-positive.json").vex()).status());
        assertEquals(Status.FIXED,
                only(cycloneDxFile("attest-vex/guac-exampledata/cyclonedx-vex-resolved-with-pedigree.json").vex())
                        .status());
        assertEquals(Status.UNDER_INVESTIGATION,
                only(cycloneDxFile("sbom/cyclonedx-bom-examples/VEX/CISA-Use-Cases/Case-1/vex-under_investigation.json")
                        .vex()).status());
    }

    @Test
    void aVulnerabilityWithoutAnalysisIsNoVexStatement() {
        // attest-vex/guac-exampledata/cyclonedx-vex-no-analysis.json: vulnerabilities[0] has no analysis
        assertTrue(cycloneDxFile("attest-vex/guac-exampledata/cyclonedx-vex-no-analysis.json").vex().isEmpty());
    }

    @Test
    void anAnalysisInsideAnSbomIsScopedToItsSubjectWhateverTheOrderOfSections() {
        SbomFacts facts = cycloneDx("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5",
                 "vulnerabilities": [
                   {"id": "CVE-2021-44228", "references": [{"id": "GHSA-jfh8-c2jp-5v3q"}],
                    "analysis": {"state": "not_affected", "justification": "code_not_reachable",
                                 "lastUpdated": "2024-05-01T10:00:00Z"},
                    "affects": [{"ref": "log4j"}, {"ref": "nowhere"}]}],
                 "components": [{"bom-ref": "log4j", "type": "library", "name": "log4j-core",
                                 "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
                 "metadata": {"timestamp": "2024-01-01T00:00:00Z",
                              "component": {"bom-ref": "app", "type": "application", "name": "shop",
                                            "purl": "pkg:generic/acme/shop@3.1.0"}}}
                """);
        Statement s = only(facts.vex());
        assertEquals("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", s.pkg().purl());
        assertEquals("pkg:generic/acme/shop@3.1.0", s.product().purl());
        assertEquals(List.of("GHSA-jfh8-c2jp-5v3q"), s.aliases());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), s.timestamp());
        assertTrue(facts.warnings().stream().anyMatch(w -> w.contains("'nowhere'")), facts.warnings().toString());
        assertEquals(1, facts.componentCount());
    }

    @Test
    void anSbomWithoutVulnerabilitiesHasNoStatements() {
        SbomFacts facts = cycloneDx("""
                {"bomFormat": "CycloneDX", "specVersion": "1.5",
                 "components": [{"bom-ref": "a", "name": "a", "purl": "pkg:npm/a@1.0.0"}]}
                """);
        assertTrue(facts.vex().isEmpty());
    }
}
