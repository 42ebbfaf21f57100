package io.supplygraph.ingest.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.spdx.JsonInput;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.ScorecardFacts.Check;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an OpenSSF Scorecard result ({@code scorecard --format json}): the repository and commit scored, the
 * aggregate score and each check's score and reason. Results are a few KB, so they are read as a tree.
 */
public final class ScorecardReader implements DocumentReader {

    private static final ObjectMapper TREES = ReadLimits.jsonMapper();

    @Override
    public ScorecardFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        List<String> warnings = new ArrayList<>();
        JsonNode[] root = new JsonNode[1];
        JsonInput.read(in, warnings::add, "an OpenSSF Scorecard result", p -> root[0] = TREES.readTree(p));
        JsonNode result = root[0];
        String repoName = text(result.path("repo").path("name"));
        Optional<SourceRepository> repository = SourceRepository.parse(repoName);
        if (repository.isEmpty()) {
            throw new DocumentRejectedException("a Scorecard result must name its repository (repo.name)"
                    + (repoName == null ? "; this one has none" : "; '" + repoName + "' is not a repository URL"));
        }
        JsonNode score = result.get("score");
        if (score == null || !score.isNumber()) {
            throw new DocumentRejectedException("a Scorecard result must have a numeric aggregate score");
        }
        String commit = text(result.path("repo").path("commit"));
        return new ScorecardFacts(new SourceRepository(repository.get().url(), commit),
                text(result.get("date")), score.asDouble(), text(result.path("scorecard").path("version")),
                checks(result.get("checks"), warnings), warnings);
    }

    private static List<Check> checks(JsonNode array, List<String> warnings) {
        List<Check> checks = new ArrayList<>();
        if (array == null || !array.isArray()) {
            warnings.add("the result has no checks array");
            return checks;
        }
        for (JsonNode c : array) {
            String name = text(c.get("name"));
            JsonNode score = c.get("score");
            if (name == null || score == null || !score.canConvertToInt()) {
                warnings.add("a check without a name or an integer score (skipped)");
                continue;
            }
            checks.add(new Check(name, score.asInt(), text(c.get("reason"))));
        }
        return checks;
    }

    private static String text(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }
}
