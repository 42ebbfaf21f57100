package io.supplygraph.model.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every licence text the corpus's JSON SBOMs carry (SPDX {@code licenseDeclared}/{@code licenseConcluded},
 * CycloneDX {@code expression}, {@code license.id} and {@code license.name}) parses without an exception; what
 * parses writes back to text that parses to the same expression, and what does not is kept exactly as written.
 * Among them are real expressions with AND, OR, WITH and brackets, and licence names that are no expressions.
 */
class CorpusLicenceExpressionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyLicenceInTheCorpusParsesOrIsKeptAsWritten() throws IOException {
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Corpus.path("sbom"))) {
            files.filter(f -> f.toString().endsWith(".json")).forEach(f -> collect(f, texts));
        }
        assertThat(texts).as("the corpus holds licence texts").hasSizeGreaterThan(100);
        int malformed = 0;
        int compound = 0;
        for (String text : texts) {
            ParsedLicence parsed = LicenceExpressions.parse(text);
            if (parsed.malformed()) {
                malformed++;
                assertThat(parsed.normalised()).isEqualTo(text);
                assertThat(parsed.warnings()).isNotEmpty();
            } else {
                ParsedLicence again = LicenceExpressions.parse(parsed.normalised());
                assertThat(again.expression()).as(text).isEqualTo(parsed.expression());
                compound += parsed.expression() instanceof LicenceExpression.AllOf
                        || parsed.expression() instanceof LicenceExpression.AnyOf ? 1 : 0;
            }
        }
        assertThat(malformed).as("licence names such as 'Apache License, Version 2.0' are no expressions")
                .isPositive();
        assertThat(compound).as("compound expressions").isGreaterThan(20);
    }

    private static void collect(Path file, Set<String> texts) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return; // the corpus holds deliberately broken files; they are the parsers' tests, not this one's
        }
        if (root == null) {
            return;
        }
        for (JsonNode p : root.path("packages")) {
            add(texts, p.path("licenseDeclared"));
            add(texts, p.path("licenseConcluded"));
        }
        root.findParents("licenses").forEach(parent -> {
            for (JsonNode l : parent.path("licenses")) {
                add(texts, l.path("expression"));
                add(texts, l.path("license").path("id"));
                add(texts, l.path("license").path("name"));
            }
        });
    }

    private static void add(Set<String> texts, JsonNode value) {
        if (value.isTextual()) {
            texts.add(value.asText());
        }
    }
}
