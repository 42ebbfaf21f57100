package io.supplygraph.ingest.osv;

import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.ecosystem.EcosystemName;
import io.supplygraph.model.fact.AdvisoryFacts.Affected;
import io.supplygraph.model.osv.OsvAffected;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an advisory's package and an SBOM's package meet: both sides are reduced to one key, the OSV ecosystem
 * (release left out) and the package name as OSV spells it, normalised by the ecosystem's rules. An index on the
 * key makes matching in either direction a lookup; the release of a distribution is compared afterwards.
 *
 * <ul>
 *   <li>Maven: {@code group:artifact} from the purl's namespace and name.</li>
 *   <li>npm: {@code @scope/name}; Go, Packagist, SwiftURL, GitHub Actions: {@code namespace/name} (a Go module path).</li>
 *   <li>Case: names compare in lower case wherever the purl specification lower-cases them or the registry treats
 *       names differing only in case as one (npm, Go, NuGet, Packagist, Hex, Pub, ConanCenter, opam, Bitnami, GitHub
 *       Actions, SwiftURL, the distributions). That is the whole point for Go: packageurl-java lower-cases a Go
 *       purl's namespace and name as the specification says, while OSV keeps the module path's case
 *       ({@code github.com/Azure/go-ntlmssp}), so one side must not be compared to the other as written. Maven,
 *       RubyGems, Hackage, CRAN, Bioconductor and Julia names are case-sensitive in their registries and in purl.</li>
 *   <li>PyPI: PEP 503 normalisation (lower case, runs of {@code -_.} as one {@code -}); crates.io: lower case and
 *       {@code _} as {@code -}, since crates.io refuses a crate whose name differs from another's only so.</li>
 *   <li>SwiftURL: OSV's name is a Git URL ({@code https://github.com/vapor/vapor.git} or {@code github.com/vapor/vapor}),
 *       the purl's namespace and name are its host and path: scheme and {@code .git} are left out.</li>
 *   <li>Debian, Ubuntu, Alpine, RPM distributions: the binary package name and, when the purl names it in an
 *       {@code upstream} or {@code srcname} qualifier, the source package name too, which is what distribution
 *       advisories list; the release comes from the {@code distro} qualifier ({@code debian-12} is {@code Debian:12}).
 *       Only distributions have releases: the suffix of {@code Maven:https://repo...} or {@code Packagist:https://...}
 *       names a repository, and does not keep the entry from matching.</li>
 * </ul>
 *
 * <p>Keys are stored ({@code advisory_affected.match_key}, {@code version_key.match_key}): a change to these rules
 * needs a migration that re-keys the stored entries and lets matching see every package version again (V9 did so).
 */
public final class PackageKeys {

    /**
     * A package version as matching sees it: its key, the distribution release it belongs to (or null), and the
     * version to evaluate ranges with (Go's leading {@code v} removed, since OSV writes Go versions without it).
     */
    public record VersionKey(String key, String release, String version) {}

    private static final char SEPARATOR = '|';

    private PackageKeys() {}

    /** The key of an {@code affected[]} entry, or empty when it names no package. */
    public static Optional<Affected> affected(OsvAffected entry) {
        if (entry.pkg() == null || entry.pkg().ecosystem() == null || entry.pkg().name() == null) {
            return Optional.empty();
        }
        String ecosystemText = entry.pkg().ecosystem().strip();
        Optional<EcosystemName> parsed = EcosystemName.parseOsv(ecosystemText);
        if (parsed.isEmpty()) {
            // An ecosystem this version does not know: kept under its own name, where no purl will meet it.
            return Optional.of(new Affected(ecosystemText + SEPARATOR + entry.pkg().name(), null, entry));
        }
        Ecosystem ecosystem = parsed.get().ecosystem();
        String release = isDistribution(ecosystem) ? parsed.get().release() : null;
        return Optional.of(new Affected(key(ecosystem, entry.pkg().name()), release, entry));
    }

    /** The keys of a package version; none when its type has no OSV ecosystem or it has no version. */
    public static List<VersionKey> of(PackageIdentity p) {
        if (p.synthetic() || p.version() == null) {
            return List.of();
        }
        Map<String, String> qualifiers = p.qualifiers();
        Optional<EcosystemName> name = EcosystemName.fromPurl(p.type(), p.namespace(), qualifiers.get("distro"));
        if (name.isEmpty()) {
            return List.of();
        }
        Ecosystem ecosystem = name.get().ecosystem();
        String release = name.get().release();
        String version = comparedVersion(ecosystem, p.version(), qualifiers);
        List<VersionKey> keys = new ArrayList<>(2);
        keys.add(new VersionKey(key(ecosystem, osvName(ecosystem, p)), release, version));
        if (isDistribution(ecosystem)) {
            String source = qualifiers.getOrDefault("upstream", qualifiers.get("srcname"));
            if (source != null) {
                SourcePackage s = SourcePackage.parse(source, ecosystem);
                if (!s.name().equals(p.name())) {
                    keys.add(new VersionKey(key(ecosystem, s.name()), release,
                            s.version() != null ? comparedVersion(ecosystem, s.version(), qualifiers) : version));
                }
            }
        }
        return keys;
    }

    /**
     * The version that ranges are evaluated with: Go's without its leading {@code v} (OSV writes Go versions without
     * it), and an RPM's with its epoch. Syft and most tools write an RPM's epoch in the purl's {@code epoch}
     * qualifier ({@code pkg:rpm/almalinux/bind@9.16.23-18.el9_4.6?epoch=32}), advisories inside the version
     * ({@code 32:9.16.23-18.el9_4.6}); read without it, the version would compare as epoch 0 and an installed fix
     * would look vulnerable. An epoch already written inside the version ({@code 1:2.3-4}, how dpkg and rpm spell
     * it) is the version's own and wins over the qualifier.
     */
    static String comparedVersion(Ecosystem ecosystem, String version, Map<String, String> qualifiers) {
        if (ecosystem == Ecosystem.GO && version.startsWith("v")) {
            return version.substring(1);
        }
        String epoch = qualifiers.get("epoch");
        boolean rpm = ecosystem.purlType().orElse("").equals("rpm");
        if (rpm && epoch != null && epoch.strip().matches("\\d+") && !version.matches("\\d+:.*")) {
            return epoch.strip() + ":" + version;
        }
        return version;
    }

    /** The version of a package version that ranges are evaluated with (see {@link #comparedVersion}), or null. */
    public static String comparedVersion(PackageIdentity p) {
        if (p.version() == null) {
            return null;
        }
        Map<String, String> qualifiers = p.qualifiers();
        return EcosystemName.fromPurl(p.type(), p.namespace(), qualifiers.get("distro"))
                .map(name -> comparedVersion(name.ecosystem(), p.version(), qualifiers)).orElse(p.version());
    }

    /** Whether an entry scoped to {@code advisoryRelease} applies to a package of {@code versionRelease}. */
    public static boolean sameRelease(String key, String advisoryRelease, String versionRelease) {
        if (advisoryRelease == null) {
            return true;
        }
        if (versionRelease == null) {
            // Red Hat's release is a CPE that a purl never carries: any release may apply. Other distributions
            // without a distro qualifier match only unscoped entries, rather than every release's advisories.
            return key.startsWith(Ecosystem.RED_HAT.osvName() + SEPARATOR);
        }
        return advisoryRelease.equalsIgnoreCase(versionRelease);
    }

    private static String key(Ecosystem ecosystem, String name) {
        return ecosystem.osvName() + SEPARATOR + normalise(ecosystem, name.strip());
    }

    private static String osvName(Ecosystem ecosystem, PackageIdentity p) {
        if (p.namespace() == null || isDistribution(ecosystem)) {
            return p.name();
        }
        return p.namespace() + (ecosystem == Ecosystem.MAVEN ? ":" : "/") + p.name();
    }

    private static String normalise(Ecosystem ecosystem, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return switch (ecosystem) {
            case MAVEN, RUBYGEMS, HACKAGE, CRAN, BIOCONDUCTOR, JULIA -> name;
            case PYPI -> lower.replaceAll("[-_.]+", "-");
            case CRATES_IO -> lower.replace('_', '-');
            case SWIFT_URL -> hostAndPath(lower);
            default -> lower;
        };
    }

    /** {@code https://github.com/vapor/vapor.git} as {@code github.com/vapor/vapor}. */
    private static String hostAndPath(String gitUrl) {
        String s = gitUrl.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
        s = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        return s.endsWith(".git") ? s.substring(0, s.length() - ".git".length()) : s;
    }

    private static boolean isDistribution(Ecosystem ecosystem) {
        return ecosystem.purlNamespace().isPresent();
    }

    /**
     * A source package as SBOM tools write it in a qualifier: {@code openssl}, {@code glibc@2.36-9}, Syft's
     * {@code glibc (2.36-9)}, or for RPM the source RPM's file name {@code openssl-3.0.7-24.el9.src.rpm}.
     */
    private record SourcePackage(String name, String version) {

        static SourcePackage parse(String text, Ecosystem ecosystem) {
            String t = text.strip();
            int at = t.indexOf('@');
            if (at > 0) {
                return new SourcePackage(t.substring(0, at).strip(), t.substring(at + 1).strip());
            }
            int paren = t.indexOf(" (");
            if (paren > 0 && t.endsWith(")")) {
                return new SourcePackage(t.substring(0, paren), t.substring(paren + 2, t.length() - 1).strip());
            }
            if (ecosystem.purlType().orElse("").equals("rpm") && t.endsWith(".src.rpm")) {
                // name-version-release.src.rpm: the name is everything before the last two dashes
                String nvr = t.substring(0, t.length() - ".src.rpm".length());
                int release = nvr.lastIndexOf('-');
                int version = release > 0 ? nvr.lastIndexOf('-', release - 1) : -1;
                if (version > 0) {
                    return new SourcePackage(nvr.substring(0, version), null);
                }
            }
            return new SourcePackage(t, null);
        }
    }
}
