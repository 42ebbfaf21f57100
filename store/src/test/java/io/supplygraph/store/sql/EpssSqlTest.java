package io.supplygraph.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.EpssSql.EpssRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EpssSqlTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDaysScoresReplaceThePreviousDaysAndReadBackByCve(Kind kind) {
        try (GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp))) {
            // more rows than one IN-list and one JDBC batch take, as a real day (about 250,000) has
            List<EpssRow> day = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) {
                day.add(new EpssRow("CVE-2020-" + (10000 + i), i / 25_000.0, i / 25_000.0, "2026-11-28"));
            }
            store.epss().replace(day, "v2025.03.14,2026-11-28", "2026-11-28T10:00:00Z");
            List<String> asked = day.stream().map(EpssRow::cveId).toList();
            assertThat(store.epss().byCves(asked)).hasSize(25_000);

            store.epss().replace(List.of(new EpssRow("CVE-2021-44228", 0.94358, 0.99962, "2026-11-29")),
                    "v2025.03.14,2026-11-29", "2026-11-29T10:00:00Z");
            try (GraphStore reader = store.reading()) {
                assertThat(reader.epss().byCves(List.of("CVE-2021-44228", "CVE-2020-10001")))
                        .containsExactly(new EpssRow("CVE-2021-44228", 0.94358, 0.99962, "2026-11-29"));
            }
        }
    }
}
