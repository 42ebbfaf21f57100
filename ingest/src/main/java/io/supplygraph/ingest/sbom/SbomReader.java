package io.supplygraph.ingest.sbom;

import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.fact.SbomFacts;
import java.io.IOException;
import java.io.InputStream;

/** An SBOM format's parser, followed by the assembly every SBOM format shares. */
public final class SbomReader implements DocumentReader {

    private final SbomParser parser;

    public SbomReader(SbomParser parser) {
        this.parser = parser;
    }

    @Override
    public SbomFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        SbomAssembler assembler = new SbomAssembler(name);
        parser.parse(in, assembler);
        return assembler.finish();
    }
}
