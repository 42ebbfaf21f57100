package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.cli.output.Sarif;
import java.util.HashMap;
import java.util.Map;

/** The SBOMs of the graph as SARIF artifacts: each digest with the path it was ingested from. */
final class SbomArtifacts {

    private final Map<String, String> sources = new HashMap<>();

    SbomArtifacts(Supplygraph graph) {
        for (Document d : graph.ingestedDocuments()) {
            sources.put(d.digest(), d.source());
        }
    }

    Sarif.Artifact of(String digest) {
        return new Sarif.Artifact(digest, sources.get(digest));
    }
}
