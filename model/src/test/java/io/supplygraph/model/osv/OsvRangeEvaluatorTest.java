package io.supplygraph.model.osv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.model.osv.OsvVerdict.Verdict;
import io.supplygraph.model.version.VersionSchemes;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvRangeEvaluatorTest {

    private static OsvAffected affected(String ecosystem, List<OsvRange> ranges, List<String> versions) {
        return new OsvAffected(new OsvPackage(ecosystem, "pkg", null), ranges, versions);
    }

    private static OsvRange ecosystem(OsvEvent... events) {
        return new OsvRange("ECOSYSTEM", null, List.of(events));
    }

    private static Verdict verdict(OsvAffected a, String version) {
        return OsvRangeEvaluator.forAffected(a).evaluate(a, version).verdict();
    }

    @Test
    void introducedZeroAndFixedBoundAHalfOpenInterval() {
        OsvAffected a = affected("PyPI", List.of(ecosystem(OsvEvent.introduced("0"), OsvEvent.fixed("1.2.0"))), null);
        assertEquals(Verdict.AFFECTED, verdict(a, "0.0.1"));
        assertEquals(Verdict.AFFECTED, verdict(a, "1.2.0rc1"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.2.0"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "2.0"));
    }

    @Test
    void lastAffectedIncludesItsVersionWhereFixedExcludesIt() {
        OsvAffected last = affected("npm", List.of(ecosystem(OsvEvent.introduced("1.0.0"), OsvEvent.lastAffected("1.4.0"))), null);
        assertEquals(Verdict.AFFECTED, verdict(last, "1.4.0"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(last, "1.4.1"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(last, "0.9.0"));
    }

    @Test
    void unsortedEventsAreSortedBeforeTheWalk() {
        OsvAffected a = affected("Maven", List.of(ecosystem(OsvEvent.fixed("2.17.1"), OsvEvent.introduced("2.13.0"),
                OsvEvent.fixed("2.12.2"), OsvEvent.introduced("2.0-beta9"))), null);
        assertEquals(Verdict.AFFECTED, verdict(a, "2.0"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "2.12.4"));
        assertEquals(Verdict.AFFECTED, verdict(a, "2.14.1"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "2.17.1"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.2.17"));
    }

    @Test
    void limitCapsTheRange() {
        OsvAffected a = affected("Go", List.of(new OsvRange("SEMVER", null,
                List.of(OsvEvent.introduced("0"), OsvEvent.limit("1.5.0")))), null);
        assertEquals(Verdict.AFFECTED, verdict(a, "1.4.9"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.5.0"));
    }

    @Test
    void semverRangesCompareAsSemVerWhateverTheEcosystem() {
        // as PEP 440, 1.0.0-1 is a post-release after 1.0.0; as SemVer it is a pre-release before it
        OsvAffected a = affected("PyPI", List.of(new OsvRange("SEMVER", null,
                List.of(OsvEvent.introduced("1.0.0"), OsvEvent.fixed("2.0.0")))), null);
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.0.0-1"));
        OsvAffected eco = affected("PyPI", List.of(ecosystem(OsvEvent.introduced("1.0.0"), OsvEvent.fixed("2.0.0"))), null);
        assertEquals(Verdict.AFFECTED, verdict(eco, "1.0.0-1"));
    }

    @Test
    void anyOfSeveralRangesOrTheVersionListAffects() {
        OsvAffected a = affected("npm", List.of(
                ecosystem(OsvEvent.introduced("1.0.0"), OsvEvent.fixed("1.1.0")),
                ecosystem(OsvEvent.introduced("2.0.0"), OsvEvent.fixed("2.0.5"))), List.of("3.0.0-weird"));
        assertEquals(Verdict.AFFECTED, verdict(a, "2.0.4"));
        assertEquals(Verdict.AFFECTED, verdict(a, "3.0.0-weird"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.5.0"));
    }

    @Test
    void versionsListAloneDecides() {
        OsvAffected a = affected("PyPI", List.of(), List.of("1.0", "1.1"));
        assertEquals(Verdict.AFFECTED, verdict(a, "1.1"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.2"));
    }

    @Test
    void gitRangeIsUnknownNeverNotAffected() {
        OsvAffected a = affected("PyPI", List.of(new OsvRange("GIT", "https://github.com/x/y",
                List.of(OsvEvent.introduced("0"), OsvEvent.fixed("abc123")))), null);
        OsvVerdict v = OsvRangeEvaluator.forAffected(a).evaluate(a, "1.0");
        assertEquals(Verdict.UNKNOWN, v.verdict());
        assertTrue(v.decidedBy().contains("GIT"), v.decidedBy());
    }

    @Test
    void unparseableVersionIsUnknown() {
        OsvAffected a = affected("NuGet", List.of(ecosystem(OsvEvent.introduced("0"), OsvEvent.fixed("1.0.0"))), null);
        assertEquals(Verdict.UNKNOWN, verdict(a, "not-a-version"));
    }

    @Test
    void reintroductionAfterAFixIsAffectedAgain() {
        OsvAffected a = affected("Debian", List.of(ecosystem(OsvEvent.introduced("0"), OsvEvent.fixed("1.0-1"),
                OsvEvent.introduced("1.5-1"), OsvEvent.fixed("1.5-3"))), null);
        assertEquals(Verdict.AFFECTED, verdict(a, "1.5-2"));
        assertEquals(Verdict.NOT_AFFECTED, verdict(a, "1.2-1"));
        assertEquals(Verdict.AFFECTED, verdict(a, "1.0~rc1-1"));
    }

    @Test
    void readsOsvJsonWithJackson() throws Exception {
        String json = """
                {"id":"GHSA-x","affected":[{"package":{"ecosystem":"Maven","name":"g:a","purl":"pkg:maven/g/a"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"1.0"}]}],
                 "database_specific":{"x":1}}]}""";
        OsvRecord record = new ObjectMapper().readValue(json, OsvRecord.class);
        OsvAffected a = record.affected().get(0);
        assertEquals("1.0", a.ranges().get(0).events().get(1).lastAffected());
        assertEquals(Verdict.AFFECTED, new OsvRangeEvaluator(VersionSchemes.MAVEN).evaluate(a, "1.0.0").verdict());
    }
}
