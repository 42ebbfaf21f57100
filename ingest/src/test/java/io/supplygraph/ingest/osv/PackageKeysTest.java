package io.supplygraph.ingest.osv;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.ingest.osv.PackageKeys.VersionKey;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvPackage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A purl and the OSV entry that names the same package must give the same key (OSV schema, ecosystem rules). */
class PackageKeysTest {

    private static String osvKey(String ecosystem, String name) {
        return PackageKeys.affected(new OsvAffected(new OsvPackage(ecosystem, name, null), null, null))
                .orElseThrow().key();
    }

    private static List<VersionKey> purl(String purl) throws Exception {
        return PackageKeys.of(PackageIdentity.fromPurl(purl));
    }

    @Test
    void mavenIsGroupColonArtifact() throws Exception {
        assertThat(purl("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1").get(0).key())
                .isEqualTo(osvKey("Maven", "org.apache.logging.log4j:log4j-core"));
    }

    @Test
    void npmKeepsItsScope() throws Exception {
        assertThat(purl("pkg:npm/%40babel/traverse@7.23.0").get(0).key()).isEqualTo(osvKey("npm", "@babel/traverse"));
        assertThat(purl("pkg:npm/traverse@0.6.6").get(0).key()).isNotEqualTo(osvKey("npm", "@babel/traverse"));
    }

    @Test
    void pypiNamesArePep503Normalised() throws Exception {
        // PEP 503: re.sub(r"[-_.]+", "-", name).lower()
        assertThat(purl("pkg:pypi/Zope.Interface@5.0").get(0).key()).isEqualTo(osvKey("PyPI", "zope-interface"));
        assertThat(osvKey("PyPI", "Flask__Cors")).isEqualTo(osvKey("PyPI", "flask-cors"));
    }

    @Test
    void goIsTheModulePathAndLosesTheVPrefix() throws Exception {
        VersionKey k = purl("pkg:golang/github.com/gin-gonic/gin@v1.5.0").get(0);
        assertThat(k.key()).isEqualTo(osvKey("Go", "github.com/gin-gonic/gin"));
        assertThat(k.version()).isEqualTo("1.5.0");
    }

    @Test
    void goModulePathsMeetWhateverTheirCase() throws Exception {
        // GO-2026-5543 names "github.com/Azure/go-ntlmssp"; the purl specification lower-cases a golang purl's
        // namespace and name, and packageurl-java does, however the SBOM wrote it
        assertThat(purl("pkg:golang/github.com/Azure/go-ntlmssp@v0.0.0-20200615164410-66371956d46c").get(0).key())
                .isEqualTo(osvKey("Go", "github.com/Azure/go-ntlmssp"))
                .isEqualTo(purl("pkg:golang/github.com/azure/go-ntlmssp@v0.1.0").get(0).key());
        assertThat(purl("pkg:golang/github.com/Masterminds/goutils@v1.0.0").get(0).key())
                .isEqualTo(osvKey("Go", "github.com/Masterminds/goutils"));
    }

    @Test
    void caseSensitiveRegistriesKeepTheirCase() throws Exception {
        // Maven coordinates, gem, Hackage, CRAN and Julia names are case-sensitive in their registries and in purl
        assertThat(purl("pkg:maven/Org.Acme/Thing@1.0").get(0).key()).isEqualTo(osvKey("Maven", "Org.Acme:Thing"))
                .isNotEqualTo(osvKey("Maven", "org.acme:thing"));
        assertThat(purl("pkg:gem/Rails@1.0").get(0).key()).isNotEqualTo(osvKey("RubyGems", "rails"));
        assertThat(purl("pkg:hackage/Cabal@3.0").get(0).key()).isEqualTo(osvKey("Hackage", "Cabal"))
                .isNotEqualTo(osvKey("Hackage", "cabal"));
        assertThat(purl("pkg:cran/Matrix@1.0").get(0).key()).isEqualTo(osvKey("CRAN", "Matrix"))
                .isNotEqualTo(osvKey("CRAN", "matrix"));
        assertThat(purl("pkg:julia/HTTP@1.0").get(0).key()).isEqualTo(osvKey("Julia", "HTTP"));
    }

    @Test
    void caseInsensitiveRegistriesCompareInLowerCase() throws Exception {
        // purl specification: hex, composer, github namespace and name "must be lowercased"; pub names are
        // [a-z0-9_]; npm lower-cases names (OSV keeps legacy names such as JSONStream); NuGet ids and ConanCenter
        // references are case-insensitive
        assertThat(purl("pkg:hex/Plug@1.0").get(0).key()).isEqualTo(osvKey("Hex", "plug"));
        assertThat(purl("pkg:pub/Http@1.0").get(0).key()).isEqualTo(osvKey("Pub", "http"));
        assertThat(purl("pkg:composer/Laravel/Framework@1.0").get(0).key())
                .isEqualTo(osvKey("Packagist", "laravel/framework"));
        assertThat(purl("pkg:npm/JSONStream@1.0").get(0).key()).isEqualTo(osvKey("npm", "JSONStream"));
        assertThat(purl("pkg:github/Actions/Checkout@v4").get(0).key())
                .isEqualTo(osvKey("GitHub Actions", "actions/checkout"));
        assertThat(purl("pkg:conan/OpenSSL@3.0.0").get(0).key()).isEqualTo(osvKey("ConanCenter", "openssl"));
        assertThat(purl("pkg:opam/Lwt@5.0").get(0).key()).isEqualTo(osvKey("opam", "lwt"));
        assertThat(purl("pkg:bitnami/WordPress@6.0").get(0).key()).isEqualTo(osvKey("Bitnami", "wordpress"));
    }

    @Test
    void cratesIoTreatsHyphenAndUnderscoreAsOne() throws Exception {
        assertThat(purl("pkg:cargo/serde_json@1.0.0").get(0).key()).isEqualTo(osvKey("crates.io", "serde-json"))
                .isEqualTo(osvKey("crates.io", "Serde_Json"));
    }

    @Test
    void swiftUrlIsHostAndPathWithoutSchemeOrDotGit() throws Exception {
        String key = purl("pkg:swift/github.com/Alamofire/Alamofire@5.4.3").get(0).key();
        assertThat(key).isEqualTo(osvKey("SwiftURL", "github.com/Alamofire/Alamofire"))
                .isEqualTo(osvKey("SwiftURL", "https://github.com/Alamofire/Alamofire.git"));
    }

    @Test
    void cocoaPodsHasNoOsvEcosystemSoNoKey() throws Exception {
        assertThat(purl("pkg:cocoapods/AFNetworking@4.0.1")).isEmpty();
    }

    @Test
    void aRepositorySuffixIsNotARelease() {
        // OSV: "Maven:<REMOTE-REPO-URL>" and "Packagist:<REMOTE-REPO-URL>" name a repository, not a release
        var maven = PackageKeys.affected(new OsvAffected(
                new OsvPackage("Maven:https://repo.maven.apache.org/maven2", "org.acme:thing", null), null, null))
                .orElseThrow();
        assertThat(maven.key()).isEqualTo(osvKey("Maven", "org.acme:thing"));
        assertThat(maven.release()).isNull();
    }

    @Test
    void nugetIgnoresCase() throws Exception {
        assertThat(purl("pkg:nuget/NEWTONSOFT.JSON@12.0.1").get(0).key()).isEqualTo(osvKey("NuGet", "Newtonsoft.Json"));
    }

    @Test
    void distributionPackagesAlsoKeyTheirSourcePackageAndRelease() throws Exception {
        List<VersionKey> deb = purl("pkg:deb/debian/libssl3@3.0.11-1~deb12u1?distro=debian-12&upstream=openssl");
        assertThat(deb).extracting(VersionKey::key).containsExactly(osvKey("Debian:12", "libssl3"),
                osvKey("Debian:12", "openssl"));
        assertThat(deb).extracting(VersionKey::release).containsOnly("12");
        List<VersionKey> apk = purl("pkg:apk/alpine/libcrypto3@3.1.2-r0?distro=alpine-3.18.4&upstream=openssl");
        assertThat(apk.get(1)).isEqualTo(new VersionKey(osvKey("Alpine:v3.18", "openssl"), "v3.18", "3.1.2-r0"));
        List<VersionKey> rpm = purl("pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?upstream=openssl-3.0.7-24.el9.src.rpm");
        assertThat(rpm.get(1).key()).isEqualTo(osvKey("Red Hat:enterprise_linux:9::baseos", "openssl"));
        VersionKey withVersion = purl("pkg:deb/debian/libc6@2.36-9?distro=debian-12&upstream=glibc%402.36-9%2Bdeb12u4")
                .get(1);
        assertThat(withVersion.version()).isEqualTo("2.36-9+deb12u4");
    }

    @Test
    void anRpmEpochQualifierIsWrittenInFrontOfTheVersion() throws Exception {
        // syft's purl of AlmaLinux's bind-chroot; ALSA-2024:5231 writes the same version as 32:9.16.23-18.el9_4.6
        assertThat(purl("pkg:rpm/almalinux/bind-chroot@9.16.23-18.el9_4.6?arch=x86_64&epoch=32&distro=almalinux-9")
                .get(0).version()).isEqualTo("32:9.16.23-18.el9_4.6");
        assertThat(purl("pkg:rpm/almalinux/bind-libs@32:9.16.23-18.el9_4.6?epoch=32").get(0).version())
                .as("an epoch inside the version is not doubled").isEqualTo("32:9.16.23-18.el9_4.6");
        assertThat(purl("pkg:rpm/redhat/openssl-libs@3.0.7-24.el9?epoch=1&upstream=openssl-3.0.7-24.el9.src.rpm"))
                .extracting(VersionKey::version).containsExactly("1:3.0.7-24.el9", "1:3.0.7-24.el9");
        assertThat(purl("pkg:deb/debian/openssh-client@1:9.2p1-2?distro=debian-12").get(0).version())
                .isEqualTo("1:9.2p1-2");
    }

    @Test
    void releasesMustAgreeExceptForRedHat() {
        String debian = osvKey("Debian:12", "openssl");
        assertThat(PackageKeys.sameRelease(debian, "12", "12")).isTrue();
        assertThat(PackageKeys.sameRelease(debian, "12", "11")).isFalse();
        assertThat(PackageKeys.sameRelease(debian, null, "11")).isTrue();
        assertThat(PackageKeys.sameRelease(debian, "12", null)).isFalse();
        assertThat(PackageKeys.sameRelease(osvKey("Red Hat", "openssl"), "enterprise_linux:9::baseos", null)).isTrue();
    }

    @Test
    void typesWithoutAnOsvEcosystemHaveNoKey() throws Exception {
        assertThat(purl("pkg:generic/acme/thing@1.0")).isEmpty();
        assertThat(purl("pkg:maven/a/b")).isEmpty();
    }
}
