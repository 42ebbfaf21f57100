package io.supplygraph.cli;

import picocli.CommandLine.Option;

/** What a report covers: one document, one application, or (neither given) the whole portfolio. */
final class ReportScope {

    @Option(names = "--doc", paramLabel = "DIGEST", description = "One document, by digest or digest prefix.")
    String document;

    @Option(names = "--app", paramLabel = "PURL", description = "An application, by its subject's purl.")
    String application;

    boolean portfolio() {
        return document == null && application == null;
    }
}
