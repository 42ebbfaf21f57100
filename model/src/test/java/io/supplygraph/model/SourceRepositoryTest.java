package io.supplygraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SourceRepositoryTest {

    /** Every spelling documents use for github.com/kubernetes/kubernetes, each seen in SBOMs, SLSA or Scorecard. */
    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/kubernetes/kubernetes",
        "https://github.com/Kubernetes/Kubernetes.git",
        "git+https://github.com/kubernetes/kubernetes.git",
        "git+ssh://git@github.com/kubernetes/kubernetes.git",
        "git://github.com/kubernetes/kubernetes",
        "git@github.com:kubernetes/kubernetes.git",
        "scm:git:git@github.com:kubernetes/kubernetes.git",
        "scm:git:https://github.com/kubernetes/kubernetes",
        "github.com/kubernetes/kubernetes",
        "HTTPS://GitHub.com/kubernetes/kubernetes/",
        "https://github.com/kubernetes/kubernetes/tree/master/staging",
    })
    void spellingsOfOneRepositoryJoin(String spelling) {
        assertThat(SourceRepository.parse(spelling)).map(SourceRepository::url)
                .contains("https://github.com/kubernetes/kubernetes");
    }

    @ParameterizedTest
    @CsvSource({
        "git+https://github.com/slsa-framework/example-package@refs/tags/v14, refs/tags/v14",
        "https://github.com/laurentsimon/gcb-tests/commit/fbbb98765e85ad464302dc5977968104d36e455e,"
                + " fbbb98765e85ad464302dc5977968104d36e455e",
        "git+https://github.com/owner/repo.git#v1.2.3, v1.2.3",
    })
    void keepsTheRevisionTheSpellingNames(String spelling, String revision) {
        assertThat(SourceRepository.parse(spelling)).map(SourceRepository::revision).contains(revision);
    }

    @Test
    void keepsPathCaseOnHostsThatMayTellItApart() {
        assertThat(SourceRepository.parse("git+https://Example.org/Group/Repo.git"))
                .contains(new SourceRepository("https://example.org/Group/Repo", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOASSERTION", "", "repo", "/usr/src/repo", "https://github.com/"})
    void namesNoRepositoryWithoutHostAndPath(String text) {
        assertThat(SourceRepository.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "pkg:npm/left-pad@1.3.0?vcs_url=git%2Bhttps://github.com/Stevemao/left-pad.git, https://github.com/stevemao/left-pad",
        "pkg:github/Package-URL/purl-spec@244fd47e07d1004, https://github.com/package-url/purl-spec",
        "pkg:golang/github.com/sirupsen/logrus/hooks@v1.9.0, https://github.com/sirupsen/logrus",
    })
    void readsTheRepositoryAPurlNames(String purl, String url) throws Exception {
        assertThat(SourceRepository.fromPurl(PackageIdentity.fromPurl(purl))).map(SourceRepository::url).contains(url);
        assertThat(SourceRepository.mayNameRepository(purl)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"pkg:GitHub/Package-URL/purl-spec", "pkg:npm/foo@1?VCS_URL=https://gitlab.com/a/b",
        "pkg:npm/%40scope/foo@1?vcs%5Furl=https://gitlab.com/a/b"})
    void tellsWhichPurlsMayNameARepositoryWithoutParsingThem(String purl) {
        assertThat(SourceRepository.mayNameRepository(purl)).isTrue();
    }

    @Test
    void aPurlWithoutRepositoryNamesNone() throws Exception {
        assertThat(SourceRepository.fromPurl(PackageIdentity.fromPurl("pkg:maven/org.slf4j/slf4j-api@2.0.9")))
                .isEqualTo(Optional.empty());
        assertThat(SourceRepository.mayNameRepository("pkg:maven/org.slf4j/slf4j-api@2.0.9")).isFalse();
    }
}
