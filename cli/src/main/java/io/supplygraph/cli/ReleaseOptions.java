package io.supplygraph.cli;

import io.supplygraph.ingest.ReleaseNaming;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --app}, {@code --release} and {@code --replace}: the application and release that {@code ingest} and
 * {@code push} say their documents are about, instead of their subjects. */
final class ReleaseOptions {

    @Option(names = "--app", paramLabel = "NAME", description = "The application these documents are about, instead"
            + " of their subject's purl without its version (which names it otherwise).")
    String application;

    @Option(names = "--release", paramLabel = "VERSION", description = "The application's release they are about,"
            + " instead of their subject's version; only with --app.")
    String release;

    @Option(names = "--replace", description = "Each document stored supersedes the documents of its release that the"
            + " same producer (the tool that wrote them) wrote before: they stay listed (documents, applications)"
            + " but are no longer answered from.")
    boolean replace;

    /** What the options name; a release without its application is a usage error, before anything is read. */
    ReleaseNaming naming(CommandSpec spec) {
        try {
            return new ReleaseNaming(application, release, replace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--release names a release of an application: give --app");
        }
    }
}
