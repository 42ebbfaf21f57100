package io.supplygraph.ingest.vex;

import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.cyclonedx.CycloneDxJsonParser;
import io.supplygraph.ingest.sbom.SbomReader;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.testing.Corpus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads VEX from corpus files and from hand-written JSON, as the ingest pipeline would. */
final class VexReading {

    private VexReading() {}

    static VexFacts openVex(String json) {
        return (VexFacts) read(new OpenVexReader(), bytes(json));
    }

    static VexFacts csaf(String json) {
        return (VexFacts) read(new CsafReader(), bytes(json));
    }

    static SbomFacts cycloneDx(String json) {
        return (SbomFacts) read(new SbomReader(new CycloneDxJsonParser()), bytes(json));
    }

    static VexFacts openVexFile(String corpusPath) {
        return (VexFacts) read(new OpenVexReader(), file(corpusPath));
    }

    static VexFacts csafFile(Path path) {
        return (VexFacts) read(new CsafReader(), file(path));
    }

    static SbomFacts cycloneDxFile(String corpusPath) {
        return (SbomFacts) read(new SbomReader(new CycloneDxJsonParser()), file(corpusPath));
    }

    static Statement only(List<Statement> statements) {
        if (statements.size() != 1) {
            throw new AssertionError("expected one statement, got " + statements);
        }
        return statements.get(0);
    }

    private static Object read(DocumentReader reader, byte[] bytes) {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return reader.read(in, "test.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentRejectedException e) {
            throw new AssertionError("rejected: " + e.getMessage(), e);
        }
    }

    private static byte[] file(String corpusPath) {
        return file(Corpus.path(corpusPath));
    }

    private static byte[] file(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
