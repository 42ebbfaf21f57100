package io.supplygraph.model.version;

import io.supplygraph.model.ecosystem.Ecosystem;
import java.util.Locale;
import java.util.Optional;

/** Which version scheme orders each ecosystem's versions. */
public final class VersionSchemes {

    public static final VersionScheme SEMVER = SemVerScheme.SEMVER;
    public static final VersionScheme MAVEN = new MavenScheme();
    public static final VersionScheme PEP440 = new Pep440Scheme();
    public static final VersionScheme RUBYGEMS = new RubyGemsScheme();
    public static final VersionScheme NUGET = new NuGetScheme();
    public static final VersionScheme PACKAGIST = new PhpScheme();
    public static final VersionScheme DPKG = new DpkgScheme();
    public static final VersionScheme APK = new ApkScheme();
    public static final VersionScheme RPM = new RpmScheme();
    public static final VersionScheme GENERIC = new GenericScheme();

    private VersionSchemes() {}

    public static VersionScheme forEcosystem(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case MAVEN -> MAVEN;
            case NPM, CRATES_IO, HEX, GO, SWIFT_URL, GITHUB_ACTIONS -> SEMVER;
            case PYPI -> PEP440;
            case RUBYGEMS -> RUBYGEMS;
            case NUGET -> NUGET;
            case PACKAGIST -> PACKAGIST;
            case PUB -> SemVerScheme.PUB;
            case HACKAGE -> NumericListScheme.HACKAGE;
            case CRAN, BIOCONDUCTOR -> NumericListScheme.CRAN;
            case DEBIAN, UBUNTU -> DPKG;
            case ALPINE, WOLFI, CHAINGUARD -> APK;
            case RED_HAT, ALMALINUX, ROCKY_LINUX, SUSE, OPENSUSE, MAGEIA, OPENEULER, PHOTON_OS, AZURE_LINUX -> RPM;
            default -> GENERIC;
        };
    }

    /** The scheme for an OSV ecosystem string ({@code PyPI}, {@code Debian:12}); case is ignored. */
    public static Optional<VersionScheme> forOsvName(String name) {
        return Ecosystem.fromOsvName(name).map(VersionSchemes::forEcosystem);
    }

    /** The scheme for a purl type ({@code pypi}, {@code cargo}, {@code deb}); case is ignored. */
    public static Optional<VersionScheme> forPurlType(String type) {
        return Ecosystem.fromPurlType(type, null).map(VersionSchemes::forEcosystem);
    }

    /** Either kind of name, as a user types it on the command line: OSV names first, then purl types. */
    public static Optional<VersionScheme> forName(String name) {
        Optional<VersionScheme> byOsv = forOsvName(name);
        return byOsv.isPresent() ? byOsv : forPurlType(name.strip().toLowerCase(Locale.ROOT));
    }
}
