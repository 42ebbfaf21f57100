package io.supplygraph.model.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Orderings and rejections taken from each ecosystem's own specification or reference documentation. */
class VersionSchemeSpecTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource(delimiter = ' ', value = {
        // Maven POM reference, "Version Order Specification"
        "Maven 1-alpha < 1-beta", "Maven 1-beta < 1-milestone", "Maven 1-rc < 1-snapshot", "Maven 1-snapshot < 1",
        "Maven 1 < 1-sp", "Maven 1-sp < 1-foo", "Maven 1-foo < 1-1", "Maven 1-1 < 1.1", "Maven 1.0.0.RC1 < 1.0.0-RC2",
        "Maven 1.0-RC1 = 1.0-cr1", "Maven 1.0.0 = 1", "Maven 1.0-SNAPSHOT < 1.0-20240101.123456-1",
        // semver.org section 11, plus Go's module rules
        "npm 1.0.0-alpha < 1.0.0-alpha.1", "npm 1.0.0-alpha.beta < 1.0.0-beta", "npm 1.0.0-beta.11 < 1.0.0-rc.1",
        "npm 1.0.0-rc.1 < 1.0.0", "npm 1.0.0+build.1 = 1.0.0+build.2", "Go v0.0.0-20210101000000-abcdef123456 < v0.0.1",
        "Go v1.2.4-0.20210101000000-abcdef123456 > v1.2.3", "Go v2.0.0+incompatible = v2.0.0", "crates.io 0.10.0 > 0.9.9",
        "Pub 1.0.0 < 1.0.0+1",
        // PEP 440 "Summary of permitted suffixes and relative ordering" and normalisation rules
        "PyPI 1.0.dev456 < 1.0a1", "PyPI 1.0a1 < 1.0a2.dev456", "PyPI 1.0a12 < 1.0b1.dev456", "PyPI 1.0b2.post345 < 1.0rc1",
        "PyPI 1.0rc1 < 1.0", "PyPI 1.0 < 1.0+abc.5", "PyPI 1.0+abc.5 < 1.0+abc.7", "PyPI 1.0+5 > 1.0+abc.7",
        "PyPI 1.0 < 1.0.post456.dev34", "PyPI 1.0.post456.dev34 < 1.0.post456", "PyPI 1!1.0 > 2.0",
        "PyPI 1.0-alpha-1 = 1.0a1", "PyPI v1.0 = 1.0", "PyPI 1.0.0 = 1", "PyPI 1.0c1 = 1.0rc1", "PyPI 1.0-1 = 1.0.post1",
        "PyPI 1.0a = 1.0a0", "PyPI 1.0.RC.1 = 1.0rc1",
        // Gem::Version documentation
        "RubyGems 1.0.a < 1.0", "RubyGems 1.0.0 = 1", "RubyGems 1.0-1 < 1.0", "RubyGems 1.0.b1 < 1.0.rc1",
        "RubyGems 2.0.0.pre1 < 2.0.0",
        // NuGet package versioning documentation
        "NuGet 1.0.0-alpha < 1.0.0", "NuGet 1.0.0 < 1.0.0.1", "NuGet 1.0.0-Alpha = 1.0.0-alpha", "NuGet 1.0 = 1.0.0.0",
        "NuGet 1.0.0-alpha.2 < 1.0.0-alpha.10",
        // PHP version_compare documentation
        "Packagist 5.2 < 5.2.0", "Packagist 1.0-dev < 1.0-alpha", "Packagist 1.0-RC1 < 1.0", "Packagist 1.0 < 1.0-pl1",
        "Packagist 1.0-patch1 > 1.0",
        // Debian Policy 5.6.12
        "Debian 1.0~rc1 < 1.0", "Debian 1:0.9 > 2.0", "Debian 1.0-1 < 1.0-1ubuntu1", "Debian 1.0+dfsg-1 > 1.0-1",
        "Debian 1.0~~ < 1.0~", "Debian 1.0~ < 1.0", "Debian 1.0 < 1.0a", "Ubuntu:22.04:LTS 1.2-3ubuntu0.1 > 1.2-3",
        // apk-package(5)
        "Alpine 1.0_alpha1 < 1.0_beta1", "Alpine 1.0_rc1 < 1.0", "Alpine 1.0 < 1.0_p1", "Alpine 1.0-r1 > 1.0-r0",
        "Alpine 1.0a > 1.0", "Alpine 1.0_git20200101 > 1.0", "Alpine:v3.18 1.2.13-r0 < 1.2.13-r1",
        // rpm.org version comparison
        "Red_Hat 1.0~rc1 < 1.0", "Red_Hat 1.0^git1 > 1.0", "Red_Hat 1.0^git1 < 1.0.1", "Red_Hat 1:1.0 > 2.0",
        "Red_Hat 1.0-1.el9 < 1.0-2.el9", "Red_Hat 1.0a > 1.0", "Red_Hat 1.010 = 1.10", "openSUSE 2.0-150500.1.1 > 2.0-1",
        // epochs (rpmvercmp and dpkg --compare-versions: a missing epoch is 0 and the epoch decides first), with the
        // fixed versions of ALSA-2024:5231 (bind) and DSA-5586-1 (openssh)
        "AlmaLinux:9 9.16.23-18.el9_4.6 < 32:9.16.23-18.el9_4.6", "AlmaLinux 33:9.11.0-1.el9 > 32:9.16.23-18.el9_4.6",
        "AlmaLinux 0:9.16.23-18.el9_4.6 = 9.16.23-18.el9_4.6", "Debian:12 9.9p1-1 < 1:9.2p1-2+deb12u2",
        "Debian 0:1.0-1 = 1.0-1", "Debian 2:1.0-1 > 1:9.2p1-2+deb12u2",
        // Haskell PVP and R package_version
        "Hackage 1.0 < 1.0.0", "Hackage 1.2.10 > 1.2.9", "CRAN 1.0-10 > 1.0-9", "CRAN 1.0-1 = 1.0.1",
        "Julia 1.10 > 1.9",
    })
    void ordersAsTheSpecificationSays(String ecosystem, String a, String op, String b) {
        int expected = switch (op) {
            case "<" -> -1;
            case "=" -> 0;
            default -> 1;
        };
        VersionScheme scheme = VersionSchemes.forOsvName(ecosystem.replace('_', ' ')).orElseThrow();
        assertEquals(expected, scheme.compare(a, b), ecosystem + ": " + a + " " + op + " " + b);
        assertEquals(-expected, scheme.compare(b, a), ecosystem + " reversed: " + b + " vs " + a);
    }

    @ParameterizedTest(name = "{0} rejects ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "npm|1.2.3-", "npm|1.2.x", "npm|", "Go|v1.2.3-beta..1", "NuGet|1.0.0.0.0", "NuGet|1.0-", "RubyGems|junk",
        "RubyGems|1.0..1", "Debian|1.0-", "Debian|a:1.0", "Debian|1.0 1", "Debian|:1.0", "Hackage|1.0-1", "CRAN|1.a",
        "PyPI|  ", "Maven|", "Red Hat|",
    })
    void rejectsWithAReason(String ecosystem, String version) {
        VersionScheme scheme = VersionSchemes.forOsvName(ecosystem).orElseThrow();
        String v = version == null ? "" : version;
        InvalidVersionException e = assertThrows(InvalidVersionException.class, () -> scheme.parse(v));
        assertTrue(e.getMessage().contains(scheme.name()) && e.getMessage().contains("'" + v + "'"), e.getMessage());
        assertFalse(scheme.isValid(v));
    }

    @Test
    void lenientWhereTheNativeToolIsLenient() {
        assertTrue(VersionSchemes.MAVEN.isValid("anything goes-really"));
        assertTrue(VersionSchemes.RPM.isValid("%{weird}"));
        assertTrue(VersionSchemes.DPKG.isValid("abc"), "dpkg only warns when upstream does not start with a digit");
        assertTrue(VersionSchemes.PEP440.isValid("0.1-bulbasaur"), "PyPI still serves pre-PEP 440 versions");
        assertTrue(VersionSchemes.PEP440.compare("0.1-bulbasaur", "0.0.1") < 0, "legacy versions order first");
    }

    @Test
    void sortingParsedVersionsFollowsTheScheme() {
        VersionScheme scheme = VersionSchemes.forOsvName("PyPI").orElseThrow();
        List<String> expected = List.of("1.0.dev1", "1.0a1", "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.1", "1!0.5");
        List<Version> parsed = new ArrayList<>();
        for (String s : expected) {
            parsed.add(scheme.parse(s));
        }
        Collections.reverse(parsed);
        Collections.sort(parsed);
        assertEquals(expected, parsed.stream().map(Version::text).toList());
    }
}
