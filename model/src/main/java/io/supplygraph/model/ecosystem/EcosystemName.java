package io.supplygraph.model.ecosystem;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An OSV ecosystem string: the ecosystem and, for distributions, the release it is scoped to
 * ({@code Debian:12}, {@code Ubuntu:22.04:LTS}, {@code Alpine:v3.18}). Also maps a distribution purl with a
 * {@code distro} qualifier ({@code pkg:deb/debian/openssl@3.0.11-1?distro=debian-12}) to the ecosystem string OSV
 * uses for that release, so that a package found in an SBOM meets the advisories written for its release.
 */
public record EcosystemName(Ecosystem ecosystem, String release) {

    private static final Map<String, String> DEBIAN_CODENAMES = Map.of(
            "jessie", "8", "stretch", "9", "buster", "10", "bullseye", "11", "bookworm", "12", "trixie", "13");
    private static final Map<String, String> UBUNTU_CODENAMES = Map.of(
            "xenial", "16.04", "bionic", "18.04", "focal", "20.04", "jammy", "22.04", "noble", "24.04",
            "mantic", "23.10", "lunar", "23.04", "kinetic", "22.10", "oracular", "24.10", "plucky", "25.04");

    public EcosystemName {
        if (release != null && release.isBlank()) {
            release = null;
        }
    }

    /** Parses an OSV ecosystem string, ignoring the case of the ecosystem part. */
    public static Optional<EcosystemName> parseOsv(String text) {
        int colon = text.indexOf(':');
        return Ecosystem.fromOsvName(text)
                .map(e -> new EcosystemName(e, colon < 0 ? null : text.substring(colon + 1).strip()));
    }

    /**
     * The OSV ecosystem of a purl's type, namespace and {@code distro} qualifier (null when absent). Releases are
     * written OSV's way: {@code Debian:12}, {@code Ubuntu:22.04:LTS}, {@code Alpine:v3.18}, {@code AlmaLinux:9};
     * Red Hat's OSV suffix is a CPE that a purl does not carry, so Red Hat stays unscoped.
     */
    public static Optional<EcosystemName> fromPurl(String type, String namespace, String distro) {
        return Ecosystem.fromPurlType(type, namespace)
                .map(e -> new EcosystemName(e, distro == null ? null : osvRelease(e, distro)));
    }

    private static String osvRelease(Ecosystem ecosystem, String distro) {
        String d = distro.strip().toLowerCase(Locale.ROOT);
        String prefix = ecosystem.purlNamespace().orElse("");
        // "debian-12", "alpine-3.18.4", "ubuntu-22.04"; tolerate a bare release or one behind another distro id
        String release = d.startsWith(prefix + "-") ? d.substring(prefix.length() + 1) : d.replaceFirst("^[a-z]+-", "");
        return switch (ecosystem) {
            case DEBIAN -> DEBIAN_CODENAMES.getOrDefault(release, release.replaceFirst("^(\\d+)\\..*$", "$1"));
            case UBUNTU -> ubuntuRelease(UBUNTU_CODENAMES.getOrDefault(release, release));
            case ALPINE -> "v" + release.replaceFirst("^v", "").replaceFirst("^(\\d+\\.\\d+)\\..*$", "$1");
            case RED_HAT -> null;
            case ALMALINUX, ROCKY_LINUX -> release.replaceFirst("^(\\d+)\\..*$", "$1");
            default -> release;
        };
    }

    /** OSV marks Ubuntu's long-term releases (even years, April) with a mandatory {@code :LTS}. */
    private static String ubuntuRelease(String release) {
        String[] parts = release.split("\\.");
        if (parts.length == 2 && parts[0].matches("\\d+") && parts[1].equals("04")
                && Integer.parseInt(parts[0]) % 2 == 0) {
            return release + ":LTS";
        }
        return release;
    }

    /** The OSV ecosystem string. */
    public String osvName() {
        return release == null ? ecosystem.osvName() : ecosystem.osvName() + ":" + release;
    }

    @Override
    public String toString() {
        return osvName();
    }
}
