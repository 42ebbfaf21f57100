package io.supplygraph.ingest.cyclonedx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.cyclonedx.ComponentCountOracle.CycloneDx;
import io.supplygraph.ingest.cyclonedx.ComponentCountOracle.Foreign;
import io.supplygraph.ingest.cyclonedx.ComponentCountOracle.Sample;
import io.supplygraph.ingest.cyclonedx.ComponentCountOracle.Syntax;
import io.supplygraph.ingest.cyclonedx.ComponentCountOracle.Unreadable;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every CycloneDX document of the corpus, recognised by content: readable ones report exactly the
 * components the oracle counts, unreadable ones are rejected, and the conformance suite's invalid
 * documents are accepted unless their syntax or their claim to be CycloneDX is broken.
 */
class CycloneDxCorpusTest {

    private static final List<String> SBOM_SETS = List.of(
            "sbom/cyclonedx-bom-examples", "sbom/guac-exampledata", "sbom/bom-shelter-in-the-wild/cyclonedx");
    private static final String CONFORMANCE = "sbom/cyclonedx-spec-conformance";

    private final SbomParser json = new CycloneDxJsonParser();
    private final SbomParser xml = new CycloneDxXmlParser();

    @TestFactory
    Stream<DynamicTest> everyCycloneDxDocumentReportsEachListedComponentOnce() {
        Stream<Path> sets = SBOM_SETS.stream().flatMap(set -> files(Corpus.path(set), name -> true));
        Stream<Path> valid = files(Corpus.path(CONFORMANCE), name -> name.startsWith("valid-"));
        return Stream.concat(sets, valid).flatMap(file -> {
            Sample sample = ComponentCountOracle.examine(read(file));
            return sample instanceof Foreign ? Stream.empty()
                    : Stream.of(DynamicTest.dynamicTest(Corpus.root().relativize(file).toString(),
                            () -> check(file, sample)));
        });
    }

    private void check(Path file, Sample sample) throws IOException {
        Outcome outcome = parse(file, sample);
        if (sample instanceof CycloneDx expected) {
            assertTrue(outcome.rejection() == null, () -> "rejected: " + outcome.rejection());
            assertEquals(expected.components(), outcome.sink().components.size(),
                    () -> file + ": components, counted by " + expected.countedBy() + "; warnings " + outcome.sink().warnings);
            assertEquals(1, outcome.sink().documents.size());
            assertFalse(outcome.sink().reportedBeforeDocument());
        } else {
            assertTrue(outcome.rejection() != null, () -> "accepted although " + ((Unreadable) sample).why());
        }
    }

    @Test
    void invalidConformanceDocumentsAreRejectedOnlyWhenUnreadable() throws IOException {
        List<Path> invalid = files(Corpus.path(CONFORMANCE), name -> name.startsWith("invalid-")).toList();
        int rejected = 0;
        int warned = 0;
        int silent = 0;
        for (Path file : invalid) {
            Sample sample = ComponentCountOracle.examine(read(file));
            if (sample instanceof Foreign) {
                continue;
            }
            check(file, sample);
            Outcome outcome = parse(file, sample);
            String summary;
            if (outcome.rejection() != null) {
                rejected++;
                summary = "rejected: " + outcome.rejection();
            } else if (!outcome.sink().warnings.isEmpty()) {
                warned++;
                summary = "accepted, " + outcome.sink().warnings.size() + " warning(s): " + outcome.sink().warnings.get(0);
            } else {
                silent++;
                summary = "accepted without warning";
            }
            System.out.printf("%-55s %s%n", Corpus.path(CONFORMANCE).relativize(file), summary);
        }
        System.out.printf("invalid conformance documents: %d rejected, %d accepted with warnings, %d accepted silently%n",
                rejected, warned, silent);
        assertTrue(rejected > 0 && rejected + warned + silent > 0);
    }

    private record Outcome(RecordingSink sink, String rejection) {}

    private Outcome parse(Path file, Sample sample) throws IOException {
        Syntax syntax = sample instanceof CycloneDx c ? c.syntax() : ((Unreadable) sample).syntax();
        RecordingSink sink = new RecordingSink();
        try {
            (syntax == Syntax.JSON ? json : xml).parse(new ByteArrayInputStream(read(file)), sink);
            return new Outcome(sink, null);
        } catch (DocumentRejectedException e) {
            return new Outcome(sink, e.getMessage());
        } catch (RuntimeException e) {
            return fail("crashed instead of accepting or rejecting " + file, e);
        }
    }

    private static Stream<Path> files(Path root, Predicate<String> name) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString()))
                    .sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
