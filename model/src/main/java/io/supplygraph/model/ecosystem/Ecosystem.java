package io.supplygraph.model.ecosystem;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The package ecosystems of the OSV schema's ecosystem list, each with the purl type (and, for Linux
 * distributions that share a type, the purl namespace) that names its packages. A distribution release such as
 * {@code Debian:12} is an {@link EcosystemName}: this enum is the part before the first colon.
 */
public enum Ecosystem {
    MAVEN("Maven", "maven", null),
    NPM("npm", "npm", null),
    CRATES_IO("crates.io", "cargo", null),
    HEX("Hex", "hex", null),
    GO("Go", "golang", null),
    PYPI("PyPI", "pypi", null),
    RUBYGEMS("RubyGems", "gem", null),
    NUGET("NuGet", "nuget", null),
    PACKAGIST("Packagist", "composer", null),
    PUB("Pub", "pub", null),
    HACKAGE("Hackage", "hackage", null),
    CRAN("CRAN", "cran", null),
    BIOCONDUCTOR("Bioconductor", "bioconductor", null),
    DEBIAN("Debian", "deb", "debian"),
    UBUNTU("Ubuntu", "deb", "ubuntu"),
    ALPINE("Alpine", "apk", "alpine"),
    WOLFI("Wolfi", "apk", "wolfi"),
    CHAINGUARD("Chainguard", "apk", "chainguard"),
    RED_HAT("Red Hat", "rpm", "redhat"),
    ALMALINUX("AlmaLinux", "rpm", "almalinux"),
    ROCKY_LINUX("Rocky Linux", "rpm", "rocky"),
    SUSE("SUSE", "rpm", "suse"),
    OPENSUSE("openSUSE", "rpm", "opensuse"),
    MAGEIA("Mageia", "rpm", "mageia"),
    OPENEULER("openEuler", "rpm", "openeuler"),
    PHOTON_OS("Photon OS", "rpm", "photon"),
    AZURE_LINUX("Azure Linux", "rpm", "azurelinux"),
    SWIFT_URL("SwiftURL", "swift", null),
    GITHUB_ACTIONS("GitHub Actions", "github", null),
    CONAN_CENTER("ConanCenter", "conan", null),
    JULIA("Julia", "julia", null),
    OPAM("opam", "opam", null),
    BITNAMI("Bitnami", "bitnami", null),
    ANDROID("Android", null, null),
    LINUX("Linux", null, null),
    OSS_FUZZ("OSS-Fuzz", null, null),
    GHC("GHC", null, null),
    VSCODE("VSCode", null, null);

    private static final Map<String, Ecosystem> BY_OSV_NAME = Stream.of(values())
            .collect(Collectors.toMap(e -> e.osvName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String osvName;
    private final String purlType;
    private final String purlNamespace;

    Ecosystem(String osvName, String purlType, String purlNamespace) {
        this.osvName = osvName;
        this.purlType = purlType;
        this.purlNamespace = purlNamespace;
    }

    /** The name as the OSV schema spells it, such as {@code crates.io} or {@code Red Hat}. */
    public String osvName() {
        return osvName;
    }

    /** The purl type of its packages, if purl defines one. */
    public Optional<String> purlType() {
        return Optional.ofNullable(purlType);
    }

    /** For distributions that share a purl type ({@code deb}, {@code apk}, {@code rpm}): the purl namespace. */
    public Optional<String> purlNamespace() {
        return Optional.ofNullable(purlNamespace);
    }

    /** The ecosystem named by an OSV ecosystem string, ignoring case and any {@code :release} suffix. */
    public static Optional<Ecosystem> fromOsvName(String name) {
        int colon = name.indexOf(':');
        String base = (colon < 0 ? name : name.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_OSV_NAME.get(base));
    }

    /**
     * The ecosystem of a purl type, using the namespace to tell distributions apart ({@code deb} + {@code ubuntu}
     * is Ubuntu). A shared type without a known namespace means its first distribution (Debian, Alpine, Red Hat).
     */
    public static Optional<Ecosystem> fromPurlType(String type, String namespace) {
        String t = type.toLowerCase(Locale.ROOT);
        String ns = namespace == null ? null : namespace.toLowerCase(Locale.ROOT);
        Ecosystem first = null;
        for (Ecosystem e : values()) {
            if (t.equals(e.purlType)) {
                if (e.purlNamespace == null || e.purlNamespace.equals(ns)) {
                    return Optional.of(e);
                }
                if (first == null) {
                    first = e;
                }
            }
        }
        return Optional.ofNullable(first);
    }
}
