package io.supplygraph.ingest.recognise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a folder holds beside its documents, told by name or by content, and what only looks like a document. */
class NonDocumentsTest {

    private static boolean cannotBeDocument(String name, String content) {
        byte[] head = content.getBytes(StandardCharsets.UTF_8);
        return NonDocuments.cannotBeDocument(name, head, head.length);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "repo/README.md | {\"looks\": \"like JSON\"}",
        "repo/LICENSE | Apache License",
        "repo/LICENSE.txt | Apache License",
        "repo/docs/owners.csv | team,owner",
        "repo/logo.png | PNG",
        "repo/notes | just some words",
        "bundle.zip!/NOTICE | Copyright",
    })
    void aFileThatCannotBeADocumentByNameOrContent(String name, String content) {
        assertThat(cannotBeDocument(name, content)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "repo/config.json | {\"port\": 8080}",
        "repo/list.json | [1, 2]",
        "repo/pom.xml | <project/>",
        "repo/sbom.spdx | SPDXVersion: SPDX-2.3",
        "repo/bom | \uFEFF  {\"bomFormat\": \"CycloneDX\"}",
    })
    void aFileThatLooksLikeADocumentIsNotSkipped(String name, String content) {
        assertThat(cannotBeDocument(name, content)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void binaryContentCannotBeADocument() {
        byte[] head = {'{', 0, 1, 2};
        assertThat(NonDocuments.cannotBeDocument("data.json", head, head.length)).isTrue();
    }
}
