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

    @ParameterizedTest(name = "{0}: cannot be a document {2}")
    @CsvSource(delimiter = '|', value = {
        "repo/README.md | {\"looks\": \"like JSON\"} | true",
        "repo/LICENSE | Apache License | true",
        "repo/LICENSE.txt | Apache License | true",
        "repo/docs/owners.csv | team,owner | true",
        "repo/logo.png | PNG | true",
        "repo/notes | just some words | true",
        "bundle.zip!/NOTICE | Copyright | true",
        "repo/config.json | {\"port\": 8080} | false",
        "repo/list.json | [1, 2] | false",
        "repo/pom.xml | <project/> | false",
        "repo/sbom.spdx | SPDXVersion: SPDX-2.3 | false",
        "repo/bom | \uFEFF  {\"bomFormat\": \"CycloneDX\"} | false",
    })
    void aFileCannotBeADocumentByNameOrContentUnlessItLooksLikeOne(String name, String content, boolean expected) {
        assertThat(cannotBeDocument(name, content)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void binaryContentCannotBeADocument() {
        byte[] head = {'{', 0, 1, 2};
        assertThat(NonDocuments.cannotBeDocument("data.json", head, head.length)).isTrue();
    }
}
