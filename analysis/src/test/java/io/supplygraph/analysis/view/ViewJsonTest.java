package io.supplygraph.analysis.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.provenance.SlsaLevel;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.VexFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins the JSON of every view, as scripts read it from {@code --json} and the REST server serves it: the field
 * names in their order, and the enums' values. The names here are written out, not derived from the records, so a
 * renamed or reordered component fails this test; change it only together with the README and a note to users.
 */
class ViewJsonTest {

    private static final List<String> PATH = List.of("pkg:generic/app@1", "pkg:npm/a@1");

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> fields(Object view) {
        return fields(Json.tree(view));
    }

    private static Document document() {
        return new Document("sha256:ab", DocumentFormat.CYCLONEDX_JSON, "1.5", "app", "pkg:generic/app@1",
                "pkg:generic/app@1", 3, 1, 1024, "app.cdx.json", "2024-01-01T00:00:00Z", Trust.State.UNSIGNED, null,
                null, "pkg:generic/app", "1", "syft", null);
    }

    private static Finding finding() {
        return new Finding("pkg:npm/a@1", "GHSA-x", List.of("CVE-1"), Severity.HIGH, 7.5, List.of("1.1"),
                FindingStatus.NOT_AFFECTED, AdvisoryFacts.Kind.VULNERABILITY, "introduced 0, fixed 1.1",
                List.of(new Finding.Container("sha256:ab", "pkg:generic/app@1")), "inline_mitigations_already_exist",
                "sha256:cd", "1", List.of(new Finding.Container("sha256:ab", "pkg:generic/app@1")), List.of(), "GHSA-x");
    }

    @Test
    void documentsKeepTheirFieldsAndWriteNullsOut() {
        JsonNode json = Json.tree(document());
        assertThat(fields(json)).containsExactly("digest", "format", "spec_version", "name", "subject",
                "subject_purl", "components", "warnings", "size", "source", "ingested", "trust", "signer",
                "trust_reason", "application", "release", "producer", "superseded_by");
        assertThat(json.get("signer").isNull()).as("a null is written, not left out").isTrue();
        assertThat(json.get("format").asText()).isEqualTo("cyclonedx-json");
        assertThat(json.get("trust").asText()).isEqualTo("unsigned");

        assertThat(fields(new DocumentDetail(document(), List.of("a warning")))).containsExactly("digest", "format",
                "spec_version", "name", "subject", "subject_purl", "components", "warnings", "size", "source",
                "ingested", "trust", "signer", "trust_reason", "application", "release", "producer", "superseded_by",
                "warning_messages");
        assertThat(fields(new DeletedDocument("sha256:ab", "app.cdx.json"))).containsExactly("deleted", "source");
    }

    @Test
    void graphAnswersKeepTheirFields() {
        assertThat(fields(new PackageUsage("pkg:npm/a@1", "a", "1", false, 2)))
                .containsExactly("purl", "name", "version", "synthetic", "documents");
        JsonNode dependency = Json.tree(new Dependency("pkg:npm/a@1", EdgeKind.DEV_DEPENDENCY, 1, "pkg:generic/app@1"));
        assertThat(fields(dependency)).containsExactly("purl", "kind", "depth", "parent");
        assertThat(dependency.get("kind").asText()).isEqualTo("dev");
        assertThat(fields(application())).containsExactly("document", "subject", "version", "path", "application",
                "release", "documents");
        assertThat(fields(new Hop("pkg:generic/app@1", "depends-on", "pkg:npm/a@1", "sha256:ab")))
                .containsExactly("from", "edge", "to", "document");

        JsonNode drift = Json.tree(new DriftReport("pkg:npm/a", "2",
                List.of(new DriftReport.VersionUse("2", 1, List.of("pkg:generic/app@1"))),
                List.of(new DriftReport.Behind("sha256:ab", "pkg:generic/old@1", "1", "2"))));
        assertThat(fields(drift)).containsExactly("package", "newest", "versions", "behind");
        assertThat(fields(drift.get("versions").get(0))).containsExactly("version", "applications", "subjects");
        assertThat(fields(drift.get("behind").get(0))).containsExactly("document", "subject", "version", "newest");

        JsonNode stats = Json.tree(new Stats(1, 2, 3, 4, 5, 6, "jdbc:sqlite:graph.db", 7, 8, 9, 10,
                new FindingCounts(11, 12, 13, 14, 15, 16, 17)));
        assertThat(fields(stats)).containsExactly("documents", "packages", "versions", "edges", "artifacts",
                "components", "database", "advisories", "vex_statements", "attestations", "scorecards", "findings");
        assertThat(fields(stats.get("findings"))).containsExactly("malicious", "critical", "high", "medium", "low",
                "none", "unrated");
    }

    @Test
    void vexAndProvenanceKeepTheirFields() {
        JsonNode vex = Json.tree(new VexStatement("CVE-1", List.of("CVE-1", "GHSA-X"), "pkg:npm/a@1",
                "pkg:generic/app@1", VexFacts.Status.NOT_AFFECTED, "component_not_present", "impact", "action",
                "2024-01-01T00:00:00Z", "sha256:ab"));
        assertThat(fields(vex)).containsExactly("vulnerability", "ids", "package", "product", "status",
                "justification", "impact_statement", "action_statement", "timestamp", "document");
        assertThat(vex.get("status").asText()).isEqualTo("not_affected");

        JsonNode build = Json.tree(new Build("pkg:npm/a@1", "sha256:ab", "a.tgz", "https://builder", "https://type",
                "v1", SlsaLevel.L3, "https://github.com/acme/a", "abc", "2024-01-01T00:00:00Z",
                "2024-01-01T00:01:00Z", "run-1", "{}",
                List.of(new Build.Material("git+https://github.com/acme/a", "sha1:abc", "https://github.com/acme/a",
                        "abc")), Trust.State.VERIFIED, "sha256:cd"));
        assertThat(fields(build)).containsExactly("via", "subject", "subject_name", "builder", "build_type",
                "slsa_version", "level", "source", "revision", "started_on", "finished_on", "invocation_id",
                "external_parameters", "materials", "trust", "document");
        assertThat(fields(build.get("materials").get(0))).containsExactly("uri", "digest", "repository", "revision");
        assertThat(build.get("level").asText()).isEqualTo("L3");

        JsonNode scorecard = Json.tree(new Scorecard("https://github.com/acme/a", 7.5, "abc", "2024-01-01", "v4.13",
                Scorecard.Via.SBOM, List.of(new Scorecard.Check("Code-Review", 8, "reviewed")), "sha256:ab"));
        assertThat(fields(scorecard)).containsExactly("repository", "score", "revision", "date",
                "scorecard_version", "via", "checks", "document");
        assertThat(fields(scorecard.get("checks").get(0))).containsExactly("name", "score", "reason");
    }

    @Test
    void findingsKeepTheirFields() {
        JsonNode finding = Json.tree(finding());
        assertThat(fields(finding)).containsExactly("purl", "id", "aliases", "severity", "score", "fixed", "status",
                "kind", "range", "documents", "justification", "vex_document", "version", "not_affected_in",
                "affected_in", "severity_source", "kev", "epss");
        assertThat(fields(finding.get("not_affected_in").get(0))).containsExactly("digest", "subject");
        assertThat(fields(finding.get("documents").get(0))).containsExactly("digest", "subject");
        JsonNode exploited = Json.tree(finding().withExploits(kev(), epss()));
        assertThat(fields(exploited.get("kev"))).containsExactly("cve", "date_added", "due_date", "known_ransomware");
        assertThat(fields(exploited.get("epss"))).containsExactly("cve", "probability", "percentile", "score_date");

        JsonNode report = Json.tree(new VulnReport("CVE-1",
                List.of(new VulnReport.Advisory("GHSA-x", List.of("CVE-1"), AdvisoryFacts.Kind.VULNERABILITY,
                        Severity.HIGH, 7.5, "CVSS:3.1/AV:N", "summary", "2024-01-01T00:00:00Z",
                        "2024-01-02T00:00:00Z", null)),
                List.of(finding()), List.of(application())));
        assertThat(fields(report)).containsExactly("id", "advisories", "findings", "applications");
        assertThat(fields(report.get("advisories").get(0))).containsExactly("id", "aliases", "kind", "severity",
                "score", "severity_source", "summary", "published", "modified", "withdrawn");

        JsonNode malicious = Json.tree(new Malicious("pkg:npm/evil@1", "MAL-1", List.of(),
                List.of(new Malicious.Application("sha256:ab", "pkg:generic/app@1", PATH, "pkg:generic/app", "1",
                        List.of("sha256:ab")))));
        assertThat(fields(malicious)).containsExactly("purl", "id", "aliases", "applications");
        assertThat(fields(malicious.get("applications").get(0))).containsExactly("document", "subject", "path",
                "application", "release", "documents");

        JsonNode applications = Json.tree(new ApplicationReleases("pkg:generic/app", "1",
                List.of(new ApplicationReleases.Release("1", List.of("sha256:ab"), List.of("sha256:cd"),
                        "2024-01-01T00:00:00Z", FindingCounts.of(List.of(finding())))),
                1, FindingCounts.of(List.of(finding()))));
        assertThat(fields(applications)).containsExactly("application", "latest", "releases", "documents",
                "findings");
        assertThat(fields(applications.get("releases").get(0))).containsExactly("release", "documents", "superseded",
                "ingested", "findings");
    }

    private static Application application() {
        return new Application("sha256:ab", "pkg:generic/app@1", "1", PATH, "pkg:generic/app", "1",
                List.of("sha256:ab"));
    }

    private static Kev kev() {
        return new Kev("CVE-1", "2021-12-10", "2021-12-24", true);
    }

    private static Epss epss() {
        return new Epss("CVE-1", 0.97, 0.999, "2026-11-29T00:00:00+0000");
    }

    @Test
    void policyReportsKeepTheirFields() {
        Violation violation = new Violation("no-critical", PolicyAction.FAIL, "critical finding", "sha256:ab",
                "pkg:generic/app@1", "pkg:npm/a@1", "GHSA-x", List.of("CVE-1"), Severity.CRITICAL,
                new Violation.Waiver("pkg:npm/a", "not reachable", "2026-12-31", true));
        JsonNode json = Json.tree(new PolicyReport(1, List.of(new PolicyReport.RuleOutcome("no-critical",
                PolicyAction.FAIL, "critical finding", 3, 10, 1, "no such key: epss", List.of(violation)))));
        assertThat(fields(json)).containsExactly("documents", "rules");
        JsonNode rule = json.get("rules").get(0);
        assertThat(fields(rule)).containsExactly("name", "action", "message", "line", "evaluated", "errors",
                "first_error", "violations");
        assertThat(rule.get("action").asText()).isEqualTo("fail");
        JsonNode v = rule.get("violations").get(0);
        assertThat(fields(v)).containsExactly("rule", "action", "message", "document", "subject", "purl", "finding",
                "aliases", "severity", "waiver");
        assertThat(fields(v.get("waiver"))).containsExactly("match", "reason", "expires", "expired");
    }

    @Test
    void upgradesKeepTheirFields() {
        Upgrade.Removed removed = new Upgrade.Removed("GHSA-x", List.of("CVE-1"), Severity.CRITICAL, 10.0, kev(),
                epss());
        Upgrade.Unfixed unfixed = new Upgrade.Unfixed("GHSA-y", NoFixReason.FIXED_IN_ANOTHER_MAJOR);
        JsonNode upgrade = Json.tree(new Upgrade("pkg:npm/a", "1", "1.1", "2.0", FixAction.UPGRADE, false, PATH,
                List.of(removed), List.of("GHSA-y"), List.of(unfixed), 1, 0.97, 58.4));
        assertThat(fields(upgrade)).containsExactly("package", "current", "target", "target_any_major", "action",
                "direct", "via", "removes", "remaining", "no_fix", "kev", "epss", "risk");
        assertThat(fields(upgrade.get("removes").get(0))).containsExactly("id", "aliases", "severity", "score", "kev",
                "epss");
        assertThat(fields(upgrade.get("no_fix").get(0))).containsExactly("id", "reason");
        assertThat(fields(new PortfolioUpgrade("pkg:npm/a", "1", null, null, FixAction.NONE, true, List.of(),
                List.of(), List.of(unfixed), 0, null, 3, 0))).containsExactly("package", "current", "target",
                "target_any_major", "action", "direct", "removes", "remaining", "no_fix", "kev", "epss",
                "applications", "risk");
        assertThat(fields(new ExploitImport(ExploitImport.Source.KEV, "2026.11.29", 1400)))
                .containsExactly("source", "version", "entries");
    }

    @Test
    void theUisViewsKeepTheirFields() {
        Overview overview = new Overview(new Overview.Counts(1, 2, 3, 4, 5, "2026-01-01T00:00:00Z"),
                List.of(new Overview.FindingCount(Severity.UNRATED, FindingStatus.AFFECTED, 3)),
                List.of(new Overview.Exposure("pkg:npm/a@1", "MAL-1", Severity.UNRATED, 1, 2)), List.of(),
                new Overview.ProvenanceCoverage(5, 2, 1, List.of(new Overview.LevelCount(SlsaLevel.L3, 1))),
                List.of(document()), List.of(new Overview.Rejection("x.json", "not a document", "2026-01-01", "j")));
        JsonNode json = Json.tree(overview);
        assertThat(fields(json)).containsExactly("counts", "findings", "malicious", "exposed", "provenance",
                "recent", "rejections");
        assertThat(fields(json.get("counts"))).containsExactly("applications", "releases", "documents", "packages",
                "advisories", "advisories_modified");
        assertThat(fields(json.get("findings").get(0))).containsExactly("severity", "status", "findings");
        assertThat(json.get("findings").get(0).get("severity").asText()).as("unrated, never low").isEqualTo("unrated");
        assertThat(fields(json.get("malicious").get(0))).containsExactly("purl", "id", "severity", "findings",
                "applications");
        assertThat(fields(json.get("provenance"))).containsExactly("applications", "with_provenance", "verified",
                "levels");
        assertThat(json.get("provenance").get("levels").get(0).get("level").asText()).isEqualTo("L3");
        assertThat(fields(json.get("rejections").get(0))).containsExactly("source", "reason", "finished", "job");
        assertThat(fields(new SearchHit(SearchHit.Kind.VULNERABILITY, "CVE-1", "CVE-1", "summary")))
                .containsExactly("kind", "label", "key", "detail");
        assertThat(Json.tree(new SearchHit(SearchHit.Kind.APPLICATION, "a", "a", "")).get("kind").asText())
                .isEqualTo("application");
        assertThat(fields(new Component("pkg:npm/a@1", "a", "1", false, 1, "pkg:generic/app@1")))
                .containsExactly("purl", "name", "version", "synthetic", "depth", "parent");
        assertThat(fields(new LicenceUse("MIT", 2))).containsExactly("licence", "components");
        assertThat(fields(new ApplicationDetail("pkg:generic/app@1", "pkg:generic/app@1", List.of(document()))))
                .containsExactly("purl", "name", "documents");
        JsonNode nested = Json.tree(new NestedDocument("sha256:ab", "pkg:oci/app@1", NestedDocument.Relation.HOLDS,
                NestedDocument.JoinedBy.ARTIFACT, "sha256:cd"));
        assertThat(fields(nested)).containsExactly("digest", "subject", "relation", "joined_by", "via");
        assertThat(nested.get("relation").asText() + " " + nested.get("joined_by").asText())
                .isEqualTo("holds artifact");
        assertThat(fields(new AffectedRange("GHSA-1", "npm", "a", List.of("< 2"), List.of("2"), 0)))
                .containsExactly("advisory", "ecosystem", "name", "ranges", "fixed", "versions");
    }

    @Test
    void ingestOutcomesAndVerificationKeepTheirFields() {
        assertThat(fields(new IngestOutcome.Ingested("a.json", "sha256:ab", DocumentFormat.SPDX_2_JSON, 3, 0,
                Trust.State.VERIFIED, "someone", null))).containsExactly("source", "status", "digest", "format",
                "components", "warnings", "trust", "signer", "trust_reason");
        assertThat(fields(new IngestOutcome.AlreadyIngested("a.json", "sha256:ab")))
                .containsExactly("source", "status", "digest");
        assertThat(fields(new IngestOutcome.Rejected("a.json", "not JSON"))).containsExactly("source", "status",
                "reason");
        assertThat(fields(new IngestOutcome.NotAttempted("a.json"))).containsExactly("source", "status");
        assertThat(fields(new IngestOutcome.Summary(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, null, 12))).containsExactly(
                "status", "ingested", "already_ingested", "rejected", "not_attempted", "components", "bytes",
                "retries", "deadlocks", "serialization_failures", "connection_failures", "busy", "store_failure",
                "skipped");
        assertThat(List.of(new IngestOutcome.Ingested("a", "d", DocumentFormat.OSV, 0, 0, Trust.State.UNSIGNED,
                        null, null), new IngestOutcome.AlreadyIngested("a", "d"), new IngestOutcome.Rejected("a", "r"),
                new IngestOutcome.NotAttempted("a"), new IngestOutcome.Summary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0)))
                .extracting(o -> Json.tree(o).get("status").asText())
                .containsExactly("ingested", "already-ingested", "rejected", "not-attempted", "summary");

        assertThat(fields(Verification.of(Trust.failed("no key")))).containsExactly("verified", "reason", "signer");
    }

    @Test
    void aPageIsItsItemsAndTheTotal() {
        assertThat(fields(Page.of(List.of(document()), 10, 0))).containsExactly("items", "total");
    }

    @Test
    void closedSetsAreWrittenAsTheirLabels() {
        assertThat(labels(FindingStatus.values()))
                .containsExactly("affected", "not_affected", "fixed", "under_investigation", "unknown");
        assertThat(labels(Severity.values())).containsExactly("unrated", "none", "low", "medium", "high", "critical");
        assertThat(labels(FixAction.values())).containsExactly("remove", "upgrade", "none");
        assertThat(labels(NoFixReason.values())).containsExactly("no_fix_released", "no_later_version_known",
                "commit_only_ranges", "fixed_in_another_major", "every_fix_still_affected");
        assertThat(labels(ExploitImport.Source.values())).containsExactly("kev", "epss");
        assertThat(labels(AdvisoryFacts.Kind.values())).containsExactly("vulnerability", "malicious");
        assertThat(labels(VexFacts.Status.values()))
                .containsExactly("not_affected", "affected", "fixed", "under_investigation");
        assertThat(labels(SlsaLevel.values())).containsExactly("L3", "unknown");
        assertThat(labels(Trust.State.values())).containsExactly("unsigned", "verified", "failed");
        assertThat(labels(Scorecard.Via.values())).containsExactly("purl", "sbom", "provenance", "repository");
        assertThat(labels(DocumentFormat.values())).containsExactly("spdx-json", "spdx-tag-value", "spdx3-jsonld",
                "cyclonedx-json", "cyclonedx-xml", "in-toto", "dsse", "sigstore-bundle", "openvex", "csaf", "osv",
                "cve", "scorecard");
        assertThat(labels(EdgeKind.values())).containsExactly("depends-on", "runtime", "dev", "build", "test",
                "optional", "provided", "prerequisite", "static-link", "dynamic-link", "contains", "listed");
    }

    private static List<String> labels(Object[] values) {
        List<String> labels = new ArrayList<>();
        Json.tree(values).forEach(v -> labels.add(v.asText()));
        return labels;
    }
}
