package io.supplygraph.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.KevSql.KevRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KevSqlTest {

    private static final KevRow LOG4SHELL = new KevRow("CVE-2021-44228", "2021-12-10", "2021-12-24", "Known", "Apache",
            "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability");
    private static final KevRow OTHER = new KevRow("CVE-2019-0708", "2021-11-03", "2022-05-03", "Unknown", "Microsoft",
            "Remote Desktop Services", "BlueKeep");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewCatalogReplacesTheOldOneWhole(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            store.kev().replace(List.of(LOG4SHELL, OTHER), "2026.11.28", "2026-11-28T10:00:00Z");
            try (GraphStore reader = store.reading()) {
                assertThat(reader.kev().byCves(List.of("CVE-2021-44228", "CVE-2000-0001"))).containsExactly(LOG4SHELL);
            }
            store.kev().replace(List.of(OTHER), "2026.11.29", "2026-11-29T10:00:00Z");
            assertThat(store.kev().byCves(List.of("CVE-2021-44228", "CVE-2019-0708"))).containsExactly(OTHER);
        }
    }
}
