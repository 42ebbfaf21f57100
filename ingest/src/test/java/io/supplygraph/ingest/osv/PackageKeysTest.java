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
