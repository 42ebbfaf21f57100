package io.supplygraph.analysis.remediation;

import static io.supplygraph.analysis.remediation.Apps.importOsv;
import static io.supplygraph.analysis.remediation.Apps.ingest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.FixAction;
import io.supplygraph.analysis.view.NoFixReason;
import io.supplygraph.analysis.view.Upgrade;
import io.supplygraph.analysis.vulns.Sboms;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvRangeEvaluator;
import io.supplygraph.model.osv.OsvVerdict;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Upgrade plans against real advisories from the corpus. Each expected target is checked against the records
 * themselves: it is one of their {@code fixed} versions (or a version the graph holds), no record's ranges include
 * it, and every lower candidate is inside some record's range.
 */
class FixPlanTest {

    private static final String APP = "pkg:generic/acme/app@1.0";

    @TempDir
    Path tmp;

    private static Upgrade row(List<Upgrade> plan, String packagePurl) {
        return plan.stream().filter(u -> u.packagePurl().equals(packagePurl)).findFirst().orElseThrow();
    }

    /** The records' affected entries for one package, as OSV JSON or YAML files hold them. */
    private static List<OsvAffected> entries(String name, Path... records) throws IOException {
        ObjectMapper json = new ObjectMapper();
        YAMLMapper yaml = new YAMLMapper();
        List<OsvAffected> entries = new ArrayList<>();
        for (Path record : records) {
            JsonNode root = (record.toString().endsWith(".yaml") ? yaml : json).readTree(record.toFile());
            for (JsonNode a : root.path("affected")) {
                if (a.path("package").path("name").asText().equalsIgnoreCase(name)) {
                    entries.add(json.treeToValue(a, OsvAffected.class));
                }
            }
        }
        return entries;
    }

    private static boolean affectedByAny(List<OsvAffected> entries, String version) {
        return entries.stream().anyMatch(e -> OsvRangeEvaluator.forAffected(e).evaluate(e, version).verdict()
                == OsvVerdict.Verdict.AFFECTED);
    }

    /** The plan row of a package version in an application that holds only it, once these advisories are in. */
    private Upgrade planOf(Supplygraph graph, String purl, Path... advisories) throws IOException {
        ingest(graph, Apps.write(tmp, "app.cdx.json", APP, purl));
        importOsv(graph, advisories);
        return row(graph.fix(APP), purl.substring(0, purl.lastIndexOf('@')));
    }

    private static Path[] ghsa(String... ids) {
        return Stream.of(ids).map(id -> Corpus.path("osv/ghsa-sample/" + id + ".json")).toArray(Path[]::new);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void log4jCoreMovesToTheFirstVersionNoneOfItsAdvisoriesAffects(Kind kind) throws Exception {
        Path[] records = ghsa("GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g", "GHSA-8489-44mv-ggj8");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Apps.write(tmp, "app.cdx.json", APP,
                    "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"));
            importOsv(graph, Corpus.path("osv/ghsa-sample"));

            Upgrade log4j = row(graph.fix(APP), "pkg:maven/org.apache.logging.log4j/log4j-core");
            assertThat(log4j.current()).isEqualTo("2.14.1");
            assertThat(log4j.action()).isEqualTo(FixAction.UPGRADE);
            assertThat(log4j.direct()).isTrue();
            // the records' fixed events on the 2.13 branch: 2.15.0 (jfh8), 2.16.0 (7rjr), 2.17.0 (p6xc), 2.17.1 (8489)
            List<OsvAffected> entries = entries("org.apache.logging.log4j:log4j-core", records);
            assertThat(Stream.of("2.15.0", "2.16.0", "2.17.0")).allMatch(v -> affectedByAny(entries, v));
            assertThat(affectedByAny(entries, "2.17.1")).isFalse();
            assertThat(log4j.target()).isEqualTo("2.17.1");
            assertThat(log4j.targetAnyMajor()).isEqualTo("2.17.1");
            assertThat(log4j.removes()).extracting(Upgrade.Removed::id).containsExactlyInAnyOrder(
                    "GHSA-jfh8-c2jp-5v3q", "GHSA-7rjr-3q55-vv33", "GHSA-p6xc-xr62-6r2g", "GHSA-8489-44mv-ggj8");
            assertThat(log4j.removes()).filteredOn(r -> r.id().equals("GHSA-jfh8-c2jp-5v3q"))
                    .flatExtracting(Upgrade.Removed::aliases).containsExactly("CVE-2021-44228");
            assertThat(log4j.remaining()).isEmpty();
            assertThat(log4j.noFix()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFixedVersionInsideAnotherAdvisorysRangeIsNotTheTarget(Kind kind) throws Exception {
        Path folder = Corpus.path("osv/pypa-advisory-database/vulns/pyarrow");
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Upgrade pyarrow = planOf(graph, "pkg:pypi/pyarrow@0.12.0", folder);
            // PYSEC-2019-196 (introduced 0.12.0, fixed 0.15.0) is the only record affecting 0.12.0, so the naive
            // answer is 0.15.0; but PYSEC-2023-238's range (introduced 0.14.0, fixed 14.0.1) includes 0.15.0
            Path[] records;
            try (Stream<Path> files = Files.list(folder)) {
                records = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toArray(Path[]::new);
            }
            List<OsvAffected> entries = entries("pyarrow", records);
            assertThat(affectedByAny(entries, "0.15.0")).isTrue();
            assertThat(affectedByAny(entries, "14.0.1")).isFalse();
            assertThat(pyarrow.removes()).extracting(Upgrade.Removed::id).containsExactly("PYSEC-2019-196");
            assertThat(pyarrow.target()).isEqualTo("14.0.1");
            assertThat(pyarrow.targetAnyMajor()).isEqualTo("14.0.1");
            assertThat(pyarrow.remaining()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameMajorIsPreferredAndTheOtherMajorsFixIsReported(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Upgrade django = planOf(graph, "pkg:pypi/django@3.2.0", Corpus.path("osv/ghsa-sample"));
            // Eleven records affect 3.2.0; GHSA-8x94-hmjh-97hq's 3.2 branch is fixed last, in 3.2.15, which every
            // other record but one leaves alone: GHSA-rrqc-c2jx-6jgv (introduced 0, fixed 4.2.16) covers all of 3.x
            // and 4.x up to 4.2.16, which is the lowest version none of them affects
            List<OsvAffected> entries = entries("django", ghsa("GHSA-8x94-hmjh-97hq", "GHSA-w24h-v9qh-8gxj",
                    "GHSA-2gwj-7jmv-h26r", "GHSA-95rw-fx8r-36v6", "GHSA-6cw3-g6wv-c2xv"));
            assertThat(affectedByAny(entries, "3.2.15")).isFalse();
            assertThat(affectedByAny(entries, "3.2.13")).isTrue();
            assertThat(entries("django", ghsa("GHSA-rrqc-c2jx-6jgv")))
                    .allSatisfy(e -> assertThat(affectedByAny(List.of(e), "4.2.16")).isFalse());
            assertThat(affectedByAny(entries("django", ghsa("GHSA-rrqc-c2jx-6jgv")), "3.2.15")).isTrue();
            assertThat(django.target()).isEqualTo("3.2.15");
            assertThat(django.targetAnyMajor()).isEqualTo("4.2.16");
            assertThat(django.remaining()).containsExactly("GHSA-rrqc-c2jx-6jgv");
            assertThat(django.noFix()).containsExactly(
                    new Upgrade.Unfixed("GHSA-rrqc-c2jx-6jgv", NoFixReason.FIXED_IN_ANOTHER_MAJOR));
            assertThat(django.removes()).hasSize(10);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aGoModuleWithSeveralAdvisoriesIncludingLastAffected(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Upgrade runc = planOf(graph, "pkg:golang/github.com/opencontainers/runc@v1.1.3",
                    Corpus.path("osv/ghsa-sample"));
            // GHSA-vpvm-3wq2-2wvm: last_affected 1.1.4; m8cg and g2j6: fixed 1.1.5; xr7r: fixed 1.1.12;
            // jfvp: fixed 1.1.14, the highest, and in no other record's range
            List<OsvAffected> entries = entries("github.com/opencontainers/runc", ghsa("GHSA-vpvm-3wq2-2wvm",
                    "GHSA-m8cg-xc2p-r3fc", "GHSA-g2j6-57v7-gm8c", "GHSA-xr7r-f8xq-vfvv", "GHSA-jfvp-7x6p-h2pv",
                    "GHSA-f3fp-gc8g-vw66", "GHSA-v95c-p5hm-xq8f"));
            assertThat(Stream.of("1.1.4", "1.1.5", "1.1.12")).allMatch(v -> affectedByAny(entries, v));
            assertThat(affectedByAny(entries, "1.1.14")).isFalse();
            assertThat(runc.target()).isEqualTo("v1.1.14");
            assertThat(runc.removes()).extracting(Upgrade.Removed::id).contains("GHSA-vpvm-3wq2-2wvm",
                    "GHSA-jfvp-7x6p-h2pv").doesNotContain("GHSA-f3fp-gc8g-vw66", "GHSA-v95c-p5hm-xq8f");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lastAffectedNeedsALaterVersionTheGraphKnows(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            Upgrade none = planOf(graph, "pkg:pypi/flask-cors@4.0.0",
                    ghsa("GHSA-84pr-m4jr-85g5", "GHSA-hxwh-jpp2-84pm"));
            // GHSA-84pr-m4jr-85g5: last_affected 4.0.0; GHSA-hxwh-jpp2-84pm: last_affected 4.0.1; no fixed event
            assertThat(none.action()).isEqualTo(FixAction.NONE);
            assertThat(none.target()).isNull();
            assertThat(none.targetAnyMajor()).isNull();
            assertThat(none.noFix()).containsExactly(
                    new Upgrade.Unfixed("GHSA-84pr-m4jr-85g5", NoFixReason.NO_LATER_VERSION_KNOWN),
                    new Upgrade.Unfixed("GHSA-hxwh-jpp2-84pm", NoFixReason.NO_LATER_VERSION_KNOWN));

            // 4.0.1 is still affected (hxwh); the first version after both last_affected bounds that the graph
            // knows is the target
            ingest(graph, Apps.write(tmp, "other.cdx.json", "pkg:generic/acme/other@1.0", "pkg:pypi/flask-cors@4.0.1"),
                    Apps.write(tmp, "newer.cdx.json", "pkg:generic/acme/newer@1.0", "pkg:pypi/flask-cors@4.0.2"));
            Upgrade upgrade = row(graph.fix(APP), "pkg:pypi/flask-cors");
            assertThat(upgrade.target()).isEqualTo("4.0.2");
            assertThat(upgrade.removes()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void noFixReleasedIsSaidPlainly(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            // PYSEC-2021-423: one range with only "introduced: 0", and the version list [1.2.0]
            Upgrade gateone = planOf(graph, "pkg:pypi/gateone@1.2.0",
                    Corpus.path("osv/pypa-advisory-database/vulns/gateone"));
            assertThat(gateone.action()).isEqualTo(FixAction.NONE);
            assertThat(gateone.target()).isNull();
            assertThat(gateone.removes()).isEmpty();
            assertThat(gateone.noFix()).containsExactly(
                    new Upgrade.Unfixed("PYSEC-2021-423", NoFixReason.NO_FIX_RELEASED));
            assertThat(gateone.risk()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void commitOnlyRangesHaveNoFixingVersion(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Apps.write(tmp, "app.cdx.json", APP, "pkg:pypi/somelib@1.0"));
            // the corpus has no record bounded by commit ranges alone
            importOsv(graph, Sboms.osv(tmp.resolve("osv"), "TEST-GIT-1", "2024-01-01T00:00:00Z", "",
                    """
                    {"package":{"ecosystem":"PyPI","name":"somelib"},
                     "ranges":[{"type":"GIT","repo":"https://example.invalid/somelib",
                                "events":[{"introduced":"0"},{"fixed":"abc123"}]}]}"""));

            Upgrade somelib = row(graph.fix(APP), "pkg:pypi/somelib");
            assertThat(somelib.action()).isEqualTo(FixAction.NONE);
            assertThat(somelib.noFix()).containsExactly(
                    new Upgrade.Unfixed("TEST-GIT-1", NoFixReason.COMMIT_ONLY_RANGES));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTransitiveFindingNamesTheDirectDependencyThatBringsItIn(Kind kind) throws Exception {
        String starter = "pkg:maven/org.springframework.boot/spring-boot-starter-log4j2@2.6.1";
        String log4j = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Apps.write(tmp, "app.cdx.json", APP, starter, starter + " > " + log4j));
            importOsv(graph, ghsa("GHSA-jfh8-c2jp-5v3q"));

            Upgrade upgrade = row(graph.fix(APP), "pkg:maven/org.apache.logging.log4j/log4j-core");
            assertThat(upgrade.direct()).isFalse();
            assertThat(upgrade.via()).containsExactly(APP, starter, log4j);
            assertThat(upgrade.target()).isEqualTo("2.15.0");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void maliciousPackagesComeFirstToBeRemoved(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Apps.write(tmp, "app.cdx.json", APP, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                    "pkg:cargo/rustdecimal@1.23.1"));
            importOsv(graph, ghsa("GHSA-jfh8-c2jp-5v3q"));
            importOsv(graph, Corpus.path("osv/malicious-sample/MAL-2022-1.json"));

            List<Upgrade> plan = graph.fix(APP);
            assertThat(plan).extracting(Upgrade::packagePurl).containsExactly("pkg:cargo/rustdecimal",
                    "pkg:maven/org.apache.logging.log4j/log4j-core");
            assertThat(plan.get(0).action()).isEqualTo(FixAction.REMOVE);
            assertThat(plan.get(0).target()).isNull();
            assertThat(plan.get(0).removes()).extracting(Upgrade.Removed::id).containsExactly("MAL-2022-1");
        }
    }
}
