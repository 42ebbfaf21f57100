package io.supplygraph.ingest.recognise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.source.DocumentSources;
import io.supplygraph.ingest.source.SourceDocument;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.source.SourceVisitor;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every document in the corpus, reached through {@link DocumentSources} (so compressed copies count too),
 * is recognised from its head as what its full parse says it is.
 */
class RecogniserCorpusTest {

    private final Recogniser recogniser = new Recogniser();

    @Test
    void recognisesEveryCorpusDocumentAsItsFullParseSays() {
        String sbom = Corpus.path("sbom").toString();
        String attestations = Corpus.path("attest-vex").toString();
        Map<String, Integer> counts = new TreeMap<>();
        List<String> mismatches = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();

        new DocumentSources(SourceLimits.defaults(), InputStream.nullInputStream()).walk(List.of(sbom, attestations),
                new SourceVisitor() {
                    @Override
                    public void accept(SourceDocument document) throws IOException {
                        FormatOracle.Verdict expected;
                        try (InputStream in = document.open()) {
                            expected = FormatOracle.judge(in.readAllBytes());
                        }
                        Optional<DocumentFormat> found = recogniser.recognise(document);
                        counts.merge(found.map(DocumentFormat::label).orElse("(unknown)"), 1, Integer::sum);
                        if (!expected.judged()) {
                            unjudged.add(document.name() + ": recognised " + found);
                        } else if (!expected.format().equals(found)) {
                            mismatches.add(document.name() + ": expected " + expected.format() + ", recognised " + found);
                        }
                    }

                    @Override
                    public void reject(String name, String reason) {
                        rejected.add(name + ": " + reason);
                    }
                });

        System.out.println("corpus documents by recognised format: " + counts);
        System.out.println(unjudged.size() + " documents do not parse as a whole, so they have no expected format:");
        unjudged.forEach(System.out::println);
        mismatches.forEach(System.out::println);
        assertEquals(List.of(), rejected);
        assertEquals(List.of(), mismatches, mismatches.size() + " mismatches");
        // the corpus holds every kind except OSV (kept under osv/), so a recogniser that finds nothing fails here
        assertTrue(counts.keySet().containsAll(List.of("spdx-json", "spdx-tag-value", "spdx3-jsonld", "cyclonedx-json",
                "cyclonedx-xml", "in-toto", "dsse", "sigstore-bundle", "openvex", "csaf", "scorecard")), counts::toString);
    }
}
