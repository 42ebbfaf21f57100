package io.supplygraph.ingest.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.cyclonedx.CycloneDxJsonParser;
import io.supplygraph.ingest.cyclonedx.CycloneDxXmlParser;
import io.supplygraph.ingest.spdx.Spdx2JsonParser;
import io.supplygraph.ingest.spdx.SpdxTagValueParser;
import io.supplygraph.ingest.spdx3.Spdx3JsonLdParser;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who wrote a document decides what {@code ingest --replace} supersedes. The expected producers below were read off
 * each corpus file: the first tool it names, without the tool's version; its author when it names no tool.
 */
class ProducerTest {

    private static String producer(SbomParser parser, String corpusPath) throws Exception {
        DocumentReader reader = new SbomReader(parser);
        try (InputStream in = Files.newInputStream(Corpus.path(corpusPath))) {
            return ((SbomFacts) reader.read(in, corpusPath)).producer();
        }
    }

    @Test
    void spdxNamesItsToolAmongItsCreatorsBeforeItsOrganisation() throws Exception {
        // creators: "Organization: Anchore, Inc", "Tool: syft-0.33.0"
        assertThat(producer(new Spdx2JsonParser(), "sbom/bom-shelter-in-the-wild/spdx/grype-sbom.spdx.json"))
                .isEqualTo("syft");
        assertThat(producer(new SpdxTagValueParser(), "sbom/bom-shelter-in-the-wild/spdx/grype-sbom.spdx"))
                .as("the same document as tag-value").isEqualTo("syft");
        // "Tool: Microsoft.SBOMTool-2.0.88"
        assertThat(producer(new Spdx2JsonParser(), "sbom/bom-shelter-in-the-wild/spdx/powershell.spdx.json"))
                .isEqualTo("Microsoft.SBOMTool");
        // "Creator: Tool: sigs.k8s.io/bom/pkg/spdx": no version to drop
        assertThat(producer(new SpdxTagValueParser(), "sbom/bom-shelter-in-the-wild/spdx/kubernetes-release.spdx"))
                .isEqualTo("sigs.k8s.io/bom/pkg/spdx");
    }

    @Test
    void spdx3NamesTheToolOfItsDocumentsCreationInfoElseItsAuthor() throws Exception {
        // document0's creationInfo _:creationInfo_1: createdUsing a Tool "Microsoft.SBOMTool-0.2.7", createdBy DocFest
        assertThat(producer(new Spdx3JsonLdParser(), "sbom/spdx-examples/software/example12/spdx3.0/hello-dist.spdx3.json"))
                .isEqualTo("Microsoft.SBOMTool");
        // createdUsing the tools "spdx-maven-plugin" and "Parlay", in that order for _:creationInfo_1
        assertThat(producer(new Spdx3JsonLdParser(),
                "sbom/spdx-examples/software/example14/spdx3.0/examplemaven-0.0.1-enriched.spdx3.json"))
                .isEqualTo("spdx-maven-plugin");
        // createdBy the Person "Nisha K" and no tool
        assertThat(producer(new Spdx3JsonLdParser(), "sbom/spdx-examples/software/example7/spdx3.0/example7-bin.spdx3.json"))
                .isEqualTo("Nisha K");
    }

    @Test
    void cycloneDxNamesItsToolsAsEitherVersionOfTheSpecificationListsThem() throws Exception {
        // 1.4: tools: [{vendor: CycloneDX, name: cyclonedx-gomod, version: v1.2.0}]
        assertThat(producer(new CycloneDxJsonParser(), "sbom/bom-shelter-in-the-wild/cyclonedx/kawipiko-sbom-cdx.json"))
                .isEqualTo("cyclonedx-gomod");
        // 1.5: tools: {components: [{name: Awesome Tool, version: 9.1.2}], services: [...]}
        assertThat(producer(new CycloneDxJsonParser(), "sbom/cyclonedx-spec-conformance/1.5/valid-metadata-tool-1.5.json"))
                .isEqualTo("Awesome Tool");
        assertThat(producer(new CycloneDxXmlParser(), "sbom/cyclonedx-spec-conformance/1.6/valid-metadata-tool-1.6.xml"))
                .isEqualTo("Awesome Tool");
        // <tools><tool><vendor>anchore</vendor><name>syft</name>... then RKVST's scraper: the first counts
        assertThat(producer(new CycloneDxXmlParser(), "sbom/bom-shelter-in-the-wild/cyclonedx/archivist-shell-cdx.xml"))
                .isEqualTo("syft");
        // authors: [{name: Samantha Wright, ...}] and no tools
        assertThat(producer(new CycloneDxJsonParser(),
                "sbom/cyclonedx-spec-conformance/1.5/valid-metadata-author-1.5.json")).isEqualTo("Samantha Wright");
        // metadata without tools or authors
        assertThat(producer(new CycloneDxJsonParser(), "sbom/bom-shelter-in-the-wild/cyclonedx/ascii-boxes-sbom-cdx.json"))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({"syft-0.85.0, syft", "trivy 0.45.1, trivy", "cdxgen@v10.2.1, cdxgen", "Microsoft.SBOMTool-2.0.88,"
            + " Microsoft.SBOMTool", "GitHub.com-Dependency-Graph, GitHub.com-Dependency-Graph",
            "syft-1.0.0-rc.1, syft", "'  bom ', bom", "python-3.11-scanner, python-3.11-scanner"})
    void aToolIsNamedWithoutItsVersion(String written, String name) {
        assertThat(Producers.toolName(written)).isEqualTo(name);
    }
}
