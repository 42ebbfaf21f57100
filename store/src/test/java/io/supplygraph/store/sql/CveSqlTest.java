package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.cve;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.CveSql.CveSeverity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CVE records as stored: the newest dateUpdated per CVE id wins whatever the order they came in, and deleting goes. */
class CveSqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNewestRecordOfACveRatesItAndDeletingItsDocumentForgetsIt(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.store(cve("CVE-2024-0001", "2024-02-01T00:00:00Z", "high", 7.5));
            store.store(cve("CVE-2024-0001", "2024-01-01T00:00:00Z", "low", 2.0)); // older: ignored
            store.store(cve("CVE-2024-0002", "2024-01-01T00:00:00Z", "medium", 5.0));
            store.store(cve("CVE-2024-0002", "2024-03-01T00:00:00Z", null, null)); // newer, and rates nothing
            assertThat(store.cves().rated(List.of("CVE-2024-0001", "CVE-2024-0002", "GHSA-x")))
                    .extracting(CveSeverity::cveId, CveSeverity::rating, CveSeverity::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-2024-0001", "high", 7.5));

            long document = store.documents().byDigestPrefix(
                    io.supplygraph.store.TestDocuments.digestOf("CVE-2024-0001@2024-02-01T00:00:00Z")).get(0).id();
            store.documents().delete(document);
            assertThat(store.cves().rated(List.of("CVE-2024-0001"))).isEmpty();
        }
    }
}
