package io.supplygraph.cli.version;

import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code --ecosystem} option that every versions sub-command shares: an OSV name or a purl type. */
final class SchemeOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-e", "--ecosystem"}, required = true, paramLabel = "ECOSYSTEM",
            description = "OSV ecosystem (PyPI, crates.io, Debian:12, Red Hat) or purl type (pypi, cargo, deb), any case")
    String ecosystem;

    /** The scheme, or a usage error (exit code 2) naming the unknown ecosystem. */
    VersionScheme scheme() {
        return VersionSchemes.forName(ecosystem).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown ecosystem '" + ecosystem + "' (see 'supplygraph versions ecosystems')"));
    }
}
