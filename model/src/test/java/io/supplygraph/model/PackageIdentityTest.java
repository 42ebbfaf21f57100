package io.supplygraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.packageurl.PackageURL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageIdentityTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "pkg:npm/lodash@4.17.21",
        "pkg:npm/%40babel/core@7.22.0",
        "pkg:NPM/@Babel/Core@7.22.0",
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
        "pkg:golang/github.com/gin-gonic/gin@v1.9.1#subpath/x",
        "pkg:pypi/Django_Rest@3.0",
        "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12",
        "pkg:cargo/serde@1.0.0+build.5",
        "pkg:generic/acme/web%20shop@3.1.0",
        "pkg:oci/payments@sha256%3A0d7e?repository_url=ghcr.io/acme",
        "pkg:github/package-url/purl-spec",
        "pkg:generic/name%40at@1.0%40x",
    })
    void partsReadFromTheCanonicalPurlAreThoseThePurlLibraryParses(String text) throws Exception {
        PackageIdentity identity = PackageIdentity.fromPurl(text);
        PackageURL parsed = new PackageURL(text);

        assertThat(identity.purl()).isEqualTo(parsed.canonicalize());
        assertThat(identity.type()).isEqualTo(parsed.getType());
        assertThat(identity.namespace()).isEqualTo(parsed.getNamespace());
        assertThat(identity.name()).isEqualTo(parsed.getName());
        assertThat(identity.version()).isEqualTo(parsed.getVersion());
        assertThat(identity.base()).isEqualTo(
                new PackageURL(parsed.getType(), parsed.getNamespace(), parsed.getName(), null, null, null).canonicalize());
        PackageIdentity unversioned = identity.withoutVersion();
        assertThat(unversioned.purl()).isEqualTo(identity.base());
        assertThat(unversioned.name()).isEqualTo(identity.name());
        assertThat(unversioned.namespace()).isEqualTo(identity.namespace());
        assertThat(unversioned.version()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pkg:npm/lodash@4.17.21",
        "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1?type=jar",
        "pkg:golang/github.com/gin-gonic/gin@v1.9.1#subpath/x",
        "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12",
        "pkg:github/package-url/purl-spec",
    })
    void purlThatEscapesNothingIsTheOnlyStringAnIdentityHolds(String text) throws Exception {
        assertThat(PackageIdentity.fromPurl(text).holdsPartsApart()).isFalse();
        assertThat(PackageIdentity.fromPurl("pkg:npm/%40babel/core@7.22.0").holdsPartsApart()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"left pad", "@scope/x", "a+b"})
    void syntheticIdentityNamesTheComponentAsWritten(String name) {
        PackageIdentity identity = PackageIdentity.synthetic(name, "1.0 beta");

        assertThat(identity.type()).isEqualTo("generic");
        assertThat(identity.namespace()).isNull();
        assertThat(identity.name()).isEqualTo(name);
        assertThat(identity.version()).isEqualTo("1.0 beta");
        assertThat(identity.synthetic()).isTrue();
    }
}
