package io.supplygraph.server;

import static io.supplygraph.server.UiPortfolio.LOG4J;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PortfolioUpgrade;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Portfolio-wide answers are computed once per revision of the graph, and again as soon as the graph changes. */
class PortfolioAnswersTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPlanIsKeptUntilTheGraphChanges(Kind kind) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("documents-" + kind));
        for (var document : UiPortfolio.documents().entrySet()) {
            Files.writeString(folder.resolve(document.getKey()), document.getValue());
        }
        try (GraphAccess graph = new GraphAccess(Supplygraph.open(TestStores.fresh(kind, temp)), 1)) {
            graph.ingest(g -> g.ingest(List.of(folder.toString()), InputStream.nullInputStream(),
                    new IngestListener() {}));
            PortfolioAnswers answers = new PortfolioAnswers(graph);
            List<PortfolioUpgrade> plan = answers.fixPlan();
            assertThat(plan).extracting(PortfolioUpgrade::packagePurl).contains(LOG4J);
            assertThat(answers.fixPlanWithin(Duration.ZERO)).as("computed once, ready at once").containsSame(plan);
            assertThat(answers.fixPlan()).isSameAs(plan);

            String subject = "pkg:maven/acme/late@1.0";
            Path late = Files.writeString(folder.resolve("late.cdx.json"),
                    TestBoms.application(subject).depends(subject, UiPortfolio.LOG4J_OLD).json());
            graph.ingest(g -> g.ingest(List.of(late.toString()), InputStream.nullInputStream(),
                    new IngestListener() {}));
            List<PortfolioUpgrade> after = answers.fixPlan();
            assertThat(after).isNotSameAs(plan);
            int before = plan.stream().filter(u -> u.packagePurl().equals(LOG4J)).findFirst().orElseThrow()
                    .applications();
            assertThat(after.stream().filter(u -> u.packagePurl().equals(LOG4J)).findFirst().orElseThrow()
                    .applications()).isEqualTo(before + 1);
        }
    }
}
