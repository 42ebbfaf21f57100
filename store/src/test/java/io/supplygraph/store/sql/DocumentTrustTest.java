package io.supplygraph.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DocumentTrustTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void everyDocumentKeepsItsTrust(TestStores.Kind kind) {
        List<Trust> trusts = List.of(Trust.UNSIGNED,
                Trust.verified("https://github.com/acme/app/.github/workflows/release.yml@refs/tags/v1 (https://token.actions.githubusercontent.com)"),
                Trust.failed("no signature verifies with the 1 given public key"));
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            for (int i = 0; i < trusts.size(); i++) {
                String digest = "sha256:" + String.valueOf(i).repeat(64);
                assertThat(store.store(new DocumentRecord(digest, DocumentFormat.CYCLONEDX_JSON, "doc" + i, 10,
                        empty(), trusts.get(i)))).isTrue();
            }
            assertThat(store.documents().all()).extracting(DocumentSql.DocumentRow::trust).containsExactlyElementsOf(trusts);
        }
    }

    private static SbomFacts empty() {
        return new SbomFacts("1.6", "empty", 0, List.of(), new int[0], List.of(), new int[0], new int[0], List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
    }
}
