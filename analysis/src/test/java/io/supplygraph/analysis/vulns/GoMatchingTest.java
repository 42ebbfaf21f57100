package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Go modules as the Go vulnerability database names them: module paths keep their capitals there
 * ({@code github.com/Azure/go-ntlmssp}), while a golang purl is lower-cased by the purl specification; and a Go
 * version that is not a version ({@code (devel)}, what {@code go version -m} reports for a main module built from a
 * checkout) can be neither affected nor clean.
 */
class GoMatchingTest {

    private static final String NTLMSSP = "pkg:golang/github.com/Azure/go-ntlmssp@v0.0.0-20200615164410-66371956d46c";
    private static final String GOUTILS = "pkg:golang/github.com/Masterminds/goutils@v1.0.0";

    @TempDir
    Path tmp;

    static void ingest(Supplygraph graph, Path file) {
        assertThat(graph.ingest(List.of(file.toString()), InputStream.nullInputStream(), new IngestListener() {})
                .rejected()).isZero();
    }

    static void importOsv(Supplygraph graph, Path... sources) {
        assertThat(graph.importAdvisories(java.util.Arrays.stream(sources).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {}).rejected()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void capitalLettersInAModulePathDoNotKeepAFindingAway(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "go.cdx.json", "pkg:generic/acme/go@1.0", NTLMSSP, GOUTILS,
                    "pkg:golang/github.com/masterminds/goutils@v1.1.1"));
            importOsv(graph, Corpus.path("osv/golang-vulndb/osv/GO-2026-5543.json"),
                    Corpus.path("osv/golang-vulndb/osv/GO-2022-0411.json"));
            // GO-2026-5543.json: github.com/Azure/go-ntlmssp, SEMVER introduced 0, fixed 0.1.1; the pseudo-version
            // v0.0.0-2020... is below 0.1.1. GO-2022-0411.json: github.com/Masterminds/goutils, introduced 0,
            // fixed 1.1.1: v1.0.0 is affected, v1.1.1 is the fix
            assertThat(graph.vulns(new Query(null, null, null, true)))
                    .extracting(Finding::purl, Finding::id, Finding::fixed, Finding::status)
                    .containsExactlyInAnyOrder(
                            tuple("pkg:golang/github.com/azure/go-ntlmssp@v0.0.0-20200615164410-66371956d46c",
                                    "GO-2026-5543", List.of("0.1.1"), FindingStatus.AFFECTED),
                            tuple("pkg:golang/github.com/masterminds/goutils@v1.0.0", "GO-2022-0411",
                                    List.of("1.1.1"), FindingStatus.AFFECTED));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void develAndOtherNonVersionsStayUnknown(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph, Sboms.write(tmp, "devel.cdx.json", "pkg:generic/acme/devel@1.0",
                    "pkg:golang/github.com/Masterminds/goutils@(devel)",
                    "pkg:golang/github.com/Azure/go-ntlmssp@master"));
            importOsv(graph, Corpus.path("osv/golang-vulndb/osv/GO-2026-5543.json"),
                    Corpus.path("osv/golang-vulndb/osv/GO-2022-0411.json"));
            // neither "(devel)" nor a branch name is a semantic version: the ranges cannot say, so the finding is
            // unknown (listed with --all), never affected and never left out as if outside the range
            assertThat(graph.vulns(new Query(null, null, null, false))).isEmpty();
            assertThat(graph.vulns(new Query(null, null, null, true)))
                    .extracting(Finding::id, Finding::status)
                    .containsExactlyInAnyOrder(tuple("GO-2022-0411", FindingStatus.UNKNOWN),
                            tuple("GO-2026-5543", FindingStatus.UNKNOWN));
        }
    }
}
