package io.supplygraph.cli;

import picocli.CommandLine.Option;

/** {@code --latest}, on the commands that answer with applications' releases. */
final class LatestOption {

    @Option(names = "--latest", description = "Only each application's newest release: by its ecosystem's version"
            + " order, else the release ingested last. A package its newest release no longer contains drops out.")
    boolean latest;
}
