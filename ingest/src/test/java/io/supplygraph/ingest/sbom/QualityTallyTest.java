package io.supplygraph.ingest.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.cyclonedx.CycloneDxJsonParser;
import io.supplygraph.ingest.cyclonedx.CycloneDxXmlParser;
import io.supplygraph.ingest.spdx.SpdxTagValueParser;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.SbomMeasures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the quality checks are scored from, counted as each format's components and creation info go by. */
class QualityTallyTest {

    private static SbomMeasures measures(SbomParser parser, String document) throws Exception {
        SbomFacts facts = new SbomReader(parser).read(
                new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "test");
        return facts.measures();
    }

    @Test
    void cycloneDxJsonComponentsRelationshipsAndCreation() throws Exception {
        SbomMeasures m = measures(new CycloneDxJsonParser(), """
                {"bomFormat":"CycloneDX","specVersion":"1.6",
                 "metadata":{"timestamp":"2026-01-01T00:00:00Z","authors":[{"name":"Ann"},{"email":"b@example.com"}],
                   "tools":{"components":[{"type":"application","name":"cdxgen"}]},
                   "component":{"type":"application","bom-ref":"app","name":"app","purl":"pkg:generic/app@1"}},
                 "components":[
                   {"type":"library","bom-ref":"a","name":"a","version":"1","purl":"pkg:npm/a@1",
                    "supplier":{"name":"A Inc"},"hashes":[{"alg":"SHA-512","content":"%s"}],
                    "licenses":[{"license":{"id":"MIT"}}],
                    "externalReferences":[{"type":"vcs","url":"https://github.com/a/a"}]},
                   {"type":"library","bom-ref":"b","name":"b","purl":"not a purl",
                    "licenses":[{"license":{"name":"Apache License, Version 2.0"}}]},
                   {"type":"library","bom-ref":"c","name":"c","version":"2","cpe":"cpe:2.3:a:c:c:2:*:*:*:*:*:*:*"}],
                 "dependencies":[{"ref":"app","dependsOn":["a","ghost"]}]}
                """.formatted("ab".repeat(64)));
        // the author with only an e-mail address names nobody
        assertThat(m).isEqualTo(new SbomMeasures(3, 3, 2, 1, 2, 2, 1, 1, 1, 2, 1, 1, 2, 1, true,
                "2026-01-01T00:00:00Z", 1, 1));
    }

    @Test
    void cycloneDxXmlCreationInfo() throws Exception {
        SbomMeasures m = measures(new CycloneDxXmlParser(), """
                <bom xmlns="http://cyclonedx.org/schema/bom/1.5" version="1">
                  <metadata>
                    <timestamp>2025-05-05T05:05:05Z</timestamp>
                    <tools><components><component type="application"><name>syft</name></component></components>
                      <services><service><name>scanner</name></service></services></tools>
                    <authors><author><name>Ann</name></author></authors>
                    <manufacture><name>Acme</name></manufacture>
                    <component type="application"><name>app</name><version>1</version></component>
                  </metadata>
                  <components><component type="library"><name>a</name><version>1</version></component></components>
                </bom>
                """);
        assertThat(m.creationRead()).isTrue();
        assertThat(m.timestamp()).isEqualTo("2025-05-05T05:05:05Z");
        assertThat(m.authors()).as("the author; the manufacturer is no author of the BOM").isEqualTo(1);
        assertThat(m.tools()).as("a component and a service").isEqualTo(2);
        assertThat(m.components()).isEqualTo(1);
        assertThat(m.unreached()).as("no dependencies: a is hung off the subject").isEqualTo(1);
    }

    @Test
    void spdxTagValueCreators() throws Exception {
        SbomMeasures m = measures(new SpdxTagValueParser(), """
                SPDXVersion: SPDX-2.3
                DataLicense: CC0-1.0
                SPDXID: SPDXRef-DOCUMENT
                DocumentName: doc
                Creator: Tool: syft-1.0
                Creator: Organization: Acme
                Created: 2024-02-02T02:02:02Z
                PackageName: a
                SPDXID: SPDXRef-a
                PackageVersion: 1
                PackageSupplier: NOASSERTION
                PackageLicenseDeclared: NOASSERTION
                PackageDownloadLocation: NOASSERTION
                """);
        assertThat(m.timestamp()).isEqualTo("2024-02-02T02:02:02Z");
        assertThat(m.authors()).isEqualTo(1);
        assertThat(m.tools()).isEqualTo(1);
        assertThat(m.supplied()).as("NOASSERTION is no supplier").isZero();
        assertThat(m.licensed()).as("nor a licence").isZero();
    }
}
