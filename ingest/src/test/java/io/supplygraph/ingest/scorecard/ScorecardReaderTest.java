package io.supplygraph.ingest.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.ScorecardFacts.Check;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ScorecardReaderTest {

    private final ScorecardReader reader = new ScorecardReader();

    private ScorecardFacts corpus(String file) throws Exception {
        try (InputStream in = Files.newInputStream(Corpus.path("attest-vex/guac-exampledata/" + file))) {
            return reader.read(in, file);
        }
    }

    @Test
    void readsGuacsKubernetesScorecard() throws Exception {
        ScorecardFacts facts = corpus("kubernetes-scorecard.json");
        // repo.name "github.com/kubernetes/kubernetes" and repo.commit
        assertThat(facts.repository()).isEqualTo(new SourceRepository("https://github.com/kubernetes/kubernetes",
                "5835544ca568b757a8ecae5c153f317e5736700e"));
        assertThat(facts.score()).isEqualTo(8.9);               // score
        assertThat(facts.date()).isEqualTo("2022-10-06");        // date
        assertThat(facts.scorecardVersion()).isEqualTo("v4.7.0"); // scorecard.version
        // checks[]: the nine GUAC's own ingest_predicates.json expects, with the same scores
        assertThat(facts.checks()).extracting(Check::name, Check::score).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Binary-Artifacts", 10),
                org.assertj.core.groups.Tuple.tuple("CI-Tests", 10),
                org.assertj.core.groups.Tuple.tuple("Code-Review", 7),
                org.assertj.core.groups.Tuple.tuple("Dangerous-Workflow", 10),
                org.assertj.core.groups.Tuple.tuple("License", 10),
                org.assertj.core.groups.Tuple.tuple("Pinned-Dependencies", 2),
                org.assertj.core.groups.Tuple.tuple("Security-Policy", 10),
                org.assertj.core.groups.Tuple.tuple("Token-Permissions", 10),
                org.assertj.core.groups.Tuple.tuple("Vulnerabilities", 10));
        assertThat(facts.checks().get(0).reason()).isEqualTo("no binaries found in the repo");
    }

    @Test
    void rejectsAResultThatNamesNoRepository() {
        // GUAC's invalid-scorecard.json: repo has a commit but no name
        assertThatThrownBy(() -> corpus("invalid-scorecard.json"))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("repo.name");
    }

    @Test
    void keepsInconclusiveChecksAsMinusOneAndSkipsNamelessOnes() throws Exception {
        ScorecardFacts facts = reader.read(new ByteArrayInputStream("""
                {"date": "2024-01-01", "repo": {"name": "github.com/Owner/Repo"}, "scorecard": {"version": "v5"},
                 "score": 4.5, "checks": [{"name": "Fuzzing", "score": -1, "reason": "internal error"},
                                          {"score": 3}]}
                """.getBytes(StandardCharsets.UTF_8)), "x.json");
        assertThat(facts.repository()).isEqualTo(new SourceRepository("https://github.com/owner/repo", null));
        assertThat(facts.checks()).containsExactly(new Check("Fuzzing", -1, "internal error"));
        assertThat(facts.warnings()).hasSize(1);
    }
}
