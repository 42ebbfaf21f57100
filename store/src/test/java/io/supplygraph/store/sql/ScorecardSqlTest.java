package io.supplygraph.store.sql;

import static io.supplygraph.store.TestDocuments.scorecard;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.model.fact.ScorecardFacts.Check;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.TestDocuments;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.store.sql.ScorecardSql.CheckRow;
import io.supplygraph.store.sql.ScorecardSql.ScorecardRow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScorecardSqlTest {

    private static final String APP = "https://github.com/acme/app";
    private static final String LIB = "https://github.com/acme/lib";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void findsTheResultsOfTheRepositoriesAskedFor(Kind kind) {
        try (GraphStore store = storeWithScorecards(kind); GraphStore reader = store.reading()) {
            assertThat(reader.scorecards().forRepositories(List.of(APP)))
                    .extracting(ScorecardRow::url, ScorecardRow::revision, ScorecardRow::score,
                            ScorecardRow::scorecardVersion, ScorecardRow::documentDigest)
                    .containsExactly(tuple(APP, "abc123", 7.5, "v5.0.0", TestDocuments.digestOf("app.scorecard")));
            assertThat(reader.scorecards().forRepositories(List.of(APP, LIB))).hasSize(2);
            assertThat(reader.scorecards().forRepositories(List.of("https://github.com/acme/other"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void checksComeInNameOrder(Kind kind) {
        try (GraphStore store = storeWithScorecards(kind); GraphStore reader = store.reading()) {
            long document = reader.scorecards().forRepositories(List.of(APP)).get(0).document();

            assertThat(reader.scorecards().checks(List.of(document)))
                    .extracting(CheckRow::name, CheckRow::score, CheckRow::reason)
                    .containsExactly(tuple("Binary-Artifacts", 10, "no binaries found"),
                            tuple("Code-Review", -1, "internal error"),
                            tuple("Maintained", 3, "2 commits in 90 days"));
        }
    }

    private GraphStore storeWithScorecards(Kind kind) {
        GraphStore store = GraphStore.open(TestStores.fresh(kind, tmp));
        store.store(scorecard("app.scorecard", APP, "abc123", 7.5, List.of(
                new Check("Maintained", 3, "2 commits in 90 days"),
                new Check("Binary-Artifacts", 10, "no binaries found"),
                new Check("Code-Review", -1, "internal error"))));
        store.store(scorecard("lib.scorecard", LIB, null, 4.0, List.of()));
        return store;
    }
}
