package io.supplygraph.analysis.graph;

import io.supplygraph.store.GraphStore;
import java.util.Set;

/**
 * The purl types a query may name: those the purl specification registers, and any other a document in the graph
 * used (SBOM tools invent some). Anything else is a typo ({@code pkg:nmp/lodash}), which must not answer "no
 * application contains it".
 */
final class PurlTypes {

    /** The purl specification's registered types (purl-spec, PURL-TYPES.rst and types/*.json, 2025). */
    static final Set<String> REGISTERED = Set.of("alpm", "apk", "bitbucket", "bitnami", "cargo", "cocoapods",
            "composer", "conan", "conda", "cpan", "cran", "deb", "docker", "gem", "generic", "github", "gitlab",
            "golang", "hackage", "hex", "huggingface", "julia", "luarocks", "maven", "mlflow", "npm", "nuget", "oci",
            "opam", "otp", "pub", "pypi", "qpm", "rpm", "swid", "swift", "vscode-extension", "yocto", "bower",
            "ebuild", "clojars", "chrome-extension", "meteor", "vim");

    private PurlTypes() {}

    /** @throws IllegalArgumentException for a type neither registered nor in the graph, naming the closest ones */
    static void requireKnown(GraphStore store, String type) {
        if (REGISTERED.contains(type) || store.packages().hasType(type)) {
            return;
        }
        throw new IllegalArgumentException("unknown purl type '" + type + "'"
                + CloseNames.suggestion(type, REGISTERED));
    }
}
