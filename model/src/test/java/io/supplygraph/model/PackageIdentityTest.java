package io.supplygraph.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.packageurl.PackageURL;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Purls with non-ASCII and control characters, canonicalised per the purl specification: text is UTF-8, every byte
 * but {@code A-Z a-z 0-9 . - _ ~} is {@code %XX} with two upper-case hex digits. The expected escapes are the UTF-8
 * bytes of the characters (💩 F0 9F 92 A9, é C3 A9, 中 E4 B8 AD, 文 E6 96 87, 日 E6 97 A5), worked out by hand.
 */
class PackageIdentityTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pkg:npm/@angular/core@16.2.0 | pkg:npm/%40angular/core@16.2.0 | @angular | core | 16.2.0",
        "pkg:npm/%40angular/core@16.2.0 | pkg:npm/%40angular/core@16.2.0 | @angular | core | 16.2.0",
        "pkg:npm/@types/node | pkg:npm/%40types/node | @types | node | ",
        "pkg:npm/@babel/core@7.0.0?x=@y#a/@b | pkg:npm/%40babel/core@7.0.0?x=%40y#a/%40b | @babel | core | 7.0.0",
    })
    void anUnencodedNpmScopeIsTheScopeNotAVersion(String written, String canonical, String namespace, String name,
            String version) throws InvalidPurlException {
        PackageIdentity id = PackageIdentity.fromPurl(written);
        assertThat(id.purl()).isEqualTo(canonical);
        assertThat(id.namespace()).isEqualTo(namespace);
        assertThat(id.name()).isEqualTo(name);
        assertThat(id.version()).isEqualTo(version);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pkg:npm/%F0%9F%92%A9-pkg@1 | pkg:npm/%F0%9F%92%A9-pkg@1",
        "pkg:npm/💩-pkg@1 | pkg:npm/%F0%9F%92%A9-pkg@1",
        "pkg:npm/caf%c3%a9@1 | pkg:npm/caf%C3%A9@1",
        "pkg:generic/中文/café@1.0-été | pkg:generic/%E4%B8%AD%E6%96%87/caf%C3%A9@1.0-%C3%A9t%C3%A9",
        "pkg:generic/x@1?os=%E6%97%A5&arch=%C3%A9#src/%C3%A9/y | pkg:generic/x@1?arch=%C3%A9&os=%E6%97%A5#src/%C3%A9/y",
        "pkg:generic/a%0Ab@1 | pkg:generic/a%0Ab@1",
        "pkg:generic/a%00b@1%00 | pkg:generic/a%00b@1%00",
        "pkg:oci/image@sha256:abc | pkg:oci/image@sha256%3Aabc",
    })
    void canonicalPurlPercentEncodesUtf8BytesWithTwoUpperCaseHexDigits(String written, String canonical)
            throws InvalidPurlException {
        assertThat(PackageIdentity.fromPurl(written).purl()).isEqualTo(canonical);
        assertThat(PackageIdentity.fromPurl(canonical).purl()).as("round trip").isEqualTo(canonical);
    }

    @Test
    void emojiNameDecodesToTheRealCharacters() throws InvalidPurlException {
        PackageIdentity emoji = PackageIdentity.fromPurl("pkg:npm/%F0%9F%92%A9-pkg@1");

        assertThat(emoji.name()).isEqualTo("\uD83D\uDCA9-pkg");
        assertThat(emoji.base()).isEqualTo("pkg:npm/%F0%9F%92%A9-pkg");
        assertThat(emoji.version()).isEqualTo("1");
    }

    @Test
    void cjkAndAccentedPartsDecodeInEveryComponent() throws InvalidPurlException {
        PackageIdentity p = PackageIdentity.fromPurl(
                "pkg:generic/%E4%B8%AD%E6%96%87/caf%C3%A9@%C3%A9t%C3%A9?arch=%E6%97%A5#src/%C3%A9");

        assertThat(p.namespace()).isEqualTo("\u4E2D\u6587");
        assertThat(p.name()).isEqualTo("caf\u00E9");
        assertThat(p.version()).isEqualTo("\u00E9t\u00E9");
        assertThat(p.qualifiers()).isEqualTo(Map.of("arch", "\u65E5"));
        assertThat(p.base()).isEqualTo("pkg:generic/%E4%B8%AD%E6%96%87/caf%C3%A9");
    }

    @Test
    void nulStaysPercentEncodedInThePurlAndShowsAsSymbolInDecodedText() throws InvalidPurlException {
        PackageIdentity p = PackageIdentity.fromPurl("pkg:generic/n%00s/a%00b@1%00");

        assertThat(p.purl()).isEqualTo("pkg:generic/n%00s/a%00b@1%00");
        assertThat(p.namespace()).isEqualTo("n\u2400s");
        assertThat(p.name()).isEqualTo("a\u2400b");
        assertThat(p.version()).isEqualTo("1\u2400");
    }

    @Test
    void otherControlCharactersDecodeAsThemselves() throws InvalidPurlException {
        assertThat(PackageIdentity.fromPurl("pkg:generic/a%01%09b@1").name()).isEqualTo("a\u0001\tb");
    }

    @Test
    void syntheticPurlPercentEncodesTheNameAsUtf8() {
        PackageIdentity p = PackageIdentity.synthetic("\uD83D\uDCA9 pkg", "1 \u00E9");

        assertThat(p.purl()).isEqualTo("pkg:generic/%F0%9F%92%A9%20pkg@1%20%C3%A9");
        assertThat(p.name()).isEqualTo("\uD83D\uDCA9 pkg");
        assertThat(p.version()).isEqualTo("1 \u00E9");
        assertThat(p.synthetic()).isTrue();
    }

    @Test
    void syntheticNameWithNulIsEncodedInThePurlAndShownAsSymbol() {
        PackageIdentity p = PackageIdentity.synthetic("a\u0000b", "1");

        assertThat(p.purl()).isEqualTo("pkg:generic/a%00b@1");
        assertThat(p.name()).isEqualTo("a\u2400b");
    }

    @Test
    void purlAtEncodesTheOtherVersionAsUtf8() throws InvalidPurlException {
        assertThat(PackageIdentity.fromPurl("pkg:npm/x@1").purlAt("2-\u00E9")).isEqualTo("pkg:npm/x@2-%C3%A9");
    }

    @Test
    void rejectsPercentEncodedBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> PackageIdentity.fromPurl("pkg:npm/%FF@1"))
                .isInstanceOf(InvalidPurlException.class)
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> PackageIdentity.fromPurl("pkg:npm/%25C3%A9@1"))
                .as("an escaped % does not start an escape")
                .isInstanceOf(InvalidPurlException.class);
    }

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
