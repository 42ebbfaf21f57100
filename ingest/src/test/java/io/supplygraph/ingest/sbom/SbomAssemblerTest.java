package io.supplygraph.ingest.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.SbomFacts.Edge;
import java.util.List;
import org.junit.jupiter.api.Test;

class SbomAssemblerTest {

    private static SbomComponent component(String ref, String name, String version, String purl, Digest... digests) {
        return new SbomComponent(ref, name, version, purl, "library", List.of(digests), null, null, null, null, null);
    }

    private static int position(SbomFacts facts, String purl) {
        for (int i = 0; i < facts.packages().size(); i++) {
            if (facts.packages().get(i).purl().equals(purl)) {
                return i;
            }
        }
        throw new AssertionError(purl + " not among " + facts.packages());
    }

    @Test
    void invalidPurlIsKeptWithAWarningAndIdentifiedByNameAndVersion() {
        SbomAssembler a = new SbomAssembler("file.json");
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("c1", "left-pad", "1.3.0", "pkg:npm"));
        a.component(component("c2", "leftpad", "1.3.0", "not a purl"));
        SbomFacts facts = a.finish();

        assertThat(facts.componentCount()).isEqualTo(2);
        assertThat(facts.packages()).extracting(PackageIdentity::purl)
                .contains("pkg:generic/leftpad@1.3.0");
        assertThat(facts.packages()).filteredOn(PackageIdentity::synthetic).hasSize(2);
        assertThat(facts.warnings()).anySatisfy(w -> assertThat(w).contains("not a purl").contains("c2"));
    }

    @Test
    void componentWhoseNameHoldsNulIsKeptWithOneWarningNamingIt() {
        SbomAssembler a = new SbomAssembler("file.json");
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("c1", "a\u0000b", "1", null));
        a.component(component("c2", "ok", "1", "pkg:npm/ok@1"));
        SbomFacts facts = a.finish();

        assertThat(facts.packages()).extracting(PackageIdentity::purl).contains("pkg:generic/a%00b@1");
        assertThat(facts.packages()).extracting(PackageIdentity::name).contains("a\u2400b");
        assertThat(facts.warnings()).singleElement().asString()
                .contains("'a\u2400b' (c1)").contains("U+0000").contains("%00").doesNotContain("\u0000");
    }

    @Test
    void purlsAreNormalisedSoSpellingsOfOnePackageCollapse() {
        SbomAssembler a = new SbomAssembler("file.json");
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("a", "Django", "4.2", "pkg:pypi/Django@4.2"));
        a.component(component("b", "django", "4.2", "pkg:PYPI/django@4.2"));
        a.relationship("app", "a", EdgeKind.DEPENDS_ON);
        a.relationship("app", "b", EdgeKind.DEPENDS_ON);
        SbomFacts facts = a.finish();

        assertThat(facts.componentCount()).isEqualTo(2);
        assertThat(facts.packages()).extracting(PackageIdentity::purl)
                .containsExactly("pkg:generic/app@1", "pkg:pypi/django@4.2");
        assertThat(facts.edges()).hasSize(1);
    }

    @Test
    void relationshipNamingAnUndefinedElementIsSkippedWithAWarning() {
        SbomAssembler a = new SbomAssembler("file.json");
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("x", "x", "1", "pkg:npm/x@1"));
        a.relationship("app", "x", EdgeKind.DEPENDS_ON);
        a.relationship("x", "ghost", EdgeKind.DEPENDS_ON);
        SbomFacts facts = a.finish();

        assertThat(facts.edges()).containsExactly(new Edge(0, 1, EdgeKind.DEPENDS_ON));
        assertThat(facts.warnings()).singleElement().asString().contains("ghost");
    }

    @Test
    void relationshipStatedBeforeItsComponentsIsResolvedAtTheEnd() {
        SbomAssembler a = new SbomAssembler("file.spdx");
        a.relationship("app", "x", EdgeKind.DEPENDS_ON);
        a.relationship("x", "ghost", EdgeKind.DEPENDS_ON);
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("x", "x", "1", "pkg:npm/x@1"));
        SbomFacts facts = a.finish();

        assertThat(facts.edges()).containsExactly(new Edge(0, 1, EdgeKind.DEPENDS_ON));
        assertThat(facts.warnings()).singleElement().asString().contains("x -> ghost");
    }

    @Test
    void repeatedEdgeIsKeptOnceAtItsFirstPlaceAndAnotherKindIsAnotherEdge() {
        SbomAssembler a = new SbomAssembler("file.json");
        a.subject(component("app", "app", "1", "pkg:generic/app@1"));
        a.component(component("b", "b", "1", "pkg:npm/b@1"));
        a.component(component("c", "c", "1", "pkg:npm/c@1"));
        a.relationship("app", "b", EdgeKind.DEPENDS_ON);
        a.relationship("app", "c", EdgeKind.DEPENDS_ON);
        a.relationship("app", "b", EdgeKind.DEPENDS_ON);
        a.relationship("app", "b", EdgeKind.CONTAINS);
        a.relationship("c", "b", EdgeKind.DEPENDS_ON);
        SbomFacts facts = a.finish();

        assertThat(facts.edges()).containsExactly(new Edge(0, 1, EdgeKind.DEPENDS_ON),
                new Edge(0, 2, EdgeKind.DEPENDS_ON), new Edge(0, 1, EdgeKind.CONTAINS),
                new Edge(2, 1, EdgeKind.DEPENDS_ON));
        assertThat(facts.parent()).containsExactly(-1, 0, 0);
    }

    @Test
    void documentWithoutRelationshipsMakesEveryComponentADirectDependencyOfItsSubject() {
        SbomAssembler a = new SbomAssembler("image.json");
        a.subject(component("img", "image", "1", "pkg:oci/image@sha256%3Aabc"));
        a.component(component("a", "a", "1", "pkg:deb/debian/a@1"));
        a.component(component("b", "b", "2", "pkg:deb/debian/b@2"));
        SbomFacts facts = a.finish();

        assertThat(facts.edges()).containsExactly(new Edge(0, 1, EdgeKind.LISTED), new Edge(0, 2, EdgeKind.LISTED));
        assertThat(facts.depth()).containsExactly(0, 1, 1);
        assertThat(facts.parent()).containsExactly(-1, 0, 0);
    }

    @Test
    void unreachedChainHangsOffTheSubjectAtItsRootOnly() {
        SbomAssembler a = new SbomAssembler("f");
        a.subject(component("s", "s", "1", "pkg:generic/s@1"));
        a.component(component("b", "b", "1", "pkg:npm/b@1"));
        a.component(component("a", "a", "1", "pkg:npm/a@1"));
        a.relationship("a", "b", EdgeKind.DEPENDS_ON);
        SbomFacts facts = a.finish();

        int s = position(facts, "pkg:generic/s@1");
        int pa = position(facts, "pkg:npm/a@1");
        int pb = position(facts, "pkg:npm/b@1");
        assertThat(facts.edges()).contains(new Edge(s, pa, EdgeKind.LISTED))
                .doesNotContain(new Edge(s, pb, EdgeKind.LISTED));
        assertThat(facts.parent()[pb]).isEqualTo(pa);
        assertThat(facts.depth()[pb]).isEqualTo(2);
    }

    @Test
    void cyclesAndSelfReferencesAssembleAndEveryComponentIsReached() {
        SbomAssembler a = new SbomAssembler("f");
        a.subject(component("s", "s", "1", "pkg:generic/s@1"));
        a.component(component("a", "a", "1", "pkg:npm/a@1"));
        a.component(component("b", "b", "1", "pkg:npm/b@1"));
        a.component(component("c", "c", "1", "pkg:npm/c@1"));
        a.relationship("s", "a", EdgeKind.DEPENDS_ON);
        a.relationship("a", "b", EdgeKind.DEPENDS_ON);
        a.relationship("b", "a", EdgeKind.DEPENDS_ON);
        a.relationship("b", "b", EdgeKind.DEPENDS_ON);
        a.relationship("c", "c", EdgeKind.DEPENDS_ON);
        SbomFacts facts = a.finish();

        assertThat(facts.edges()).noneMatch(e -> e.from() == e.to());
        assertThat(java.util.Arrays.stream(facts.depth()).min().orElseThrow()).isZero();
        assertThat(facts.depth()[position(facts, "pkg:npm/c@1")]).isEqualTo(1);
        assertThat(facts.depth()[position(facts, "pkg:npm/b@1")]).isEqualTo(2);
    }

    @Test
    void documentThatDescribesNothingGetsASubjectNamedAfterItself() {
        SbomAssembler a = new SbomAssembler("fallback.json");
        a.document("2.3", "my-document");
        a.component(component("a", "a", "1", "pkg:npm/a@1"));
        SbomFacts facts = a.finish();

        assertThat(facts.subject().purl()).isEqualTo("pkg:generic/my-document");
        assertThat(facts.subject().synthetic()).isTrue();
        assertThat(facts.componentCount()).isEqualTo(1);

        SbomAssembler unnamed = new SbomAssembler("fallback.json");
        unnamed.component(component("a", "a", "1", "pkg:npm/a@1"));
        assertThat(unnamed.finish().subject().name()).isEqualTo("fallback.json");
    }

    @Test
    void describedComponentIsTheSubjectAndStillCounted() {
        SbomAssembler a = new SbomAssembler("f");
        a.component(component("p", "p", "1", "pkg:npm/p@1"));
        a.component(component("q", "q", "1", "pkg:npm/q@1"));
        a.describes("p");
        a.describes("missing");
        SbomFacts facts = a.finish();

        assertThat(facts.subject().purl()).isEqualTo("pkg:npm/p@1");
        assertThat(facts.componentCount()).isEqualTo(2);
        assertThat(facts.warnings()).singleElement().asString().contains("missing");
    }

    @Test
    void digestsBecomeOccurrencesOnce() {
        SbomAssembler a = new SbomAssembler("f");
        Digest d = new Digest("SHA-256", "ABCDEF");
        a.subject(component("s", "s", "1", "pkg:generic/s@1", d, new Digest("sha256", "abcdef")));
        SbomFacts facts = a.finish();

        assertThat(facts.occurrences()).singleElement()
                .satisfies(o -> assertThat(o.digest().toString()).isEqualTo("sha256:abcdef"));
    }

    @Test
    void warningsAreCappedButCounted() {
        SbomAssembler a = new SbomAssembler("f");
        a.subject(component("s", "s", "1", "pkg:generic/s@1"));
        for (int i = 0; i < SbomAssembler.MAX_WARNINGS + 50; i++) {
            a.relationship("s", "missing-" + i, EdgeKind.DEPENDS_ON);
        }
        SbomFacts facts = a.finish();

        assertThat(facts.warnings()).hasSize(SbomAssembler.MAX_WARNINGS + 1);
        assertThat(facts.warnings().get(SbomAssembler.MAX_WARNINGS)).contains("50 more");
    }
}
