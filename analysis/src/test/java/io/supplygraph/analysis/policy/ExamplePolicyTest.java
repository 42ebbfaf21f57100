package io.supplygraph.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PolicyReport;
import io.supplygraph.analysis.view.PolicyReport.RuleOutcome;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.view.Violation;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.ingest.verify.VerificationPolicy;
import io.supplygraph.ingest.verify.crypto.PublicKeys;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import io.supplygraph.testing.Corpus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The README's example policy ({@code cli/src/main/resources/demo/policy.yaml}) over real corpus advisories, on
 * SQLite and PostgreSQL: for each of its rules, an application that breaks it and one that keeps it. The advisories'
 * facts that decide are named where they are used.
 */
class ExamplePolicyTest {

    static final Path EXAMPLE = Path.of("..", "cli", "src", "main", "resources", "demo", "policy.yaml");
    /** The example waiver's last day is 2026-12-31. */
    static final LocalDate BEFORE_EXPIRY = LocalDate.of(2026, 11, 30);
    static final LocalDate AFTER_EXPIRY = LocalDate.of(2027, 1, 1);

    @TempDir
    Path tmp;

    private static CompiledPolicy example() {
        return CompiledPolicy.compile(PolicyFile.read(EXAMPLE));
    }

    private static IngestSummary ingest(Supplygraph graph, Path... files) {
        IngestSummary summary = graph.ingest(java.util.Arrays.stream(files).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
        assertThat(summary.rejected()).isZero();
        return summary;
    }

    private static void importOsv(Supplygraph graph, String... corpusFiles) {
        graph.importAdvisories(java.util.Arrays.stream(corpusFiles).map(f -> Corpus.path(f).toString()).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
    }

    private static String digest(Supplygraph graph, String subject) {
        return graph.documents().stream().filter(d -> subject.equals(d.subjectPurl())).findFirst().orElseThrow()
                .digest();
    }

    private static List<Violation> violations(Supplygraph graph, String subject, String rule, LocalDate today) {
        PolicyReport report = graph.check(example(), new PolicyCheck.Scope(digest(graph, subject), null), today);
        return report.rules().stream().filter(r -> r.name().equals(rule)).findFirst().orElseThrow().violations();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCriticalFindingWithAFixFailsUntilWaivedAndAgainOnceTheWaiverExpires(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph,
                    Apps.subject("pkg:generic/acme/web@1.0").direct("pkg:npm/minimist@1.2.5", "MIT")
                            .direct("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Apache-2.0")
                            .write(tmp, "web.cdx.json"),
                    Apps.subject("pkg:generic/acme/fixed@1.0").direct("pkg:npm/minimist@1.2.6", "MIT")
                            .direct("pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1", "Apache-2.0")
                            .write(tmp, "fixed.cdx.json"));
            // GHSA-xvch-5gv4-984h: minimist, CRITICAL, fixed 1.2.6 (alias CVE-2021-44906);
            // GHSA-jfh8-c2jp-5v3q: log4j-core 2.13.0 to 2.15.0, CVSS 10.0 (critical); the others of the sample rate
            // log4j below critical (GHSA-7rjr-3q55-vv33: 9.0, critical too)
            importOsv(graph, "osv/ghsa-sample/GHSA-xvch-5gv4-984h.json", "osv/ghsa-sample/GHSA-jfh8-c2jp-5v3q.json");

            List<Violation> before = violations(graph, "pkg:generic/acme/web@1.0", "no-fixable-critical-or-kev",
                    BEFORE_EXPIRY);
            assertThat(before).extracting(Violation::purl, Violation::finding, Violation::severity).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                            "GHSA-jfh8-c2jp-5v3q", Severity.CRITICAL),
                    org.assertj.core.groups.Tuple.tuple("pkg:npm/minimist@1.2.5", "GHSA-xvch-5gv4-984h",
                            Severity.CRITICAL));
            // the example waives minimist 1.2.5 until 2026-12-31: log4j still fails
            assertThat(before.get(1).standing()).isFalse();
            assertThat(before.get(1).waiver().reason()).isEqualTo("not reachable from our code");
            assertThat(before.get(0).standing()).isTrue();

            List<Violation> after = violations(graph, "pkg:generic/acme/web@1.0", "no-fixable-critical-or-kev",
                    AFTER_EXPIRY);
            assertThat(after.get(1).waiver().expired()).isTrue();
            assertThat(after.get(1).standing()).isTrue();

            assertThat(violations(graph, "pkg:generic/acme/fixed@1.0", "no-fixable-critical-or-kev", BEFORE_EXPIRY))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMaliciousPackageFails(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph,
                    Apps.subject("pkg:generic/acme/rusty@1.0").direct("pkg:cargo/rustdecimal@1.23.1", "MIT")
                            .write(tmp, "rusty.cdx.json"),
                    Apps.subject("pkg:generic/acme/clean@1.0").direct("pkg:cargo/rust_decimal@1.23.1", "MIT")
                            .write(tmp, "clean.cdx.json"));
            // MAL-2022-1: crates.io rustdecimal, introduced 0 (every version)
            importOsv(graph, "osv/malicious-sample/MAL-2022-1.json");

            assertThat(violations(graph, "pkg:generic/acme/rusty@1.0", "no-malicious-package", BEFORE_EXPIRY))
                    .extracting(Violation::purl, Violation::finding)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("pkg:cargo/rustdecimal@1.23.1",
                            "MAL-2022-1"));
            assertThat(violations(graph, "pkg:generic/acme/clean@1.0", "no-malicious-package", BEFORE_EXPIRY))
                    .isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void gplFailsInAProprietaryApplicationOnlyAndLgplNowhere(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph,
                    Apps.subject("pkg:maven/com.acme/shop@1.0").direct("pkg:maven/org.example/lib@1.0", "MIT")
                            .transitive("pkg:maven/org.gnu/readline@1.0", "GPL-2.0-only")
                            .transitive("pkg:maven/org.gnu/glibc-bindings@1.0", "LGPL-2.1-or-later")
                            .write(tmp, "shop.cdx.json"),
                    Apps.subject("pkg:maven/com.acme/clean@1.0").direct("pkg:maven/org.example/lib@1.0", "MIT")
                            .transitive("pkg:maven/org.gnu/glibc-bindings@1.0", "LGPL-2.1-or-later")
                            .write(tmp, "clean.cdx.json"),
                    Apps.subject("pkg:maven/org.community/tool@1.0").direct("pkg:maven/org.gnu/readline@1.0",
                            "GPL-2.0-only").write(tmp, "tool.cdx.json"));

            assertThat(violations(graph, "pkg:maven/com.acme/shop@1.0", "no-gpl-in-proprietary-apps", BEFORE_EXPIRY))
                    .extracting(Violation::purl).containsExactly("pkg:maven/org.gnu/readline@1.0");
            assertThat(violations(graph, "pkg:maven/com.acme/clean@1.0", "no-gpl-in-proprietary-apps",
                    BEFORE_EXPIRY)).isEmpty();
            // out of the rule's scope: an open-source application may ship GPL code
            assertThat(violations(graph, "pkg:maven/org.community/tool@1.0", "no-gpl-in-proprietary-apps",
                    BEFORE_EXPIRY)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aProductionImageNeedsVerifiedProvenance(Kind kind) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        TrustPolicy trust = new TrustPolicy(VerificationPolicy.keys(PublicKeys.fromPem(pem)), false);
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            ingest(graph,
                    Apps.subject("pkg:oci/signed@1.0").direct("pkg:npm/left-pad@1.3.0", "MIT")
                            .write(tmp, "signed.cdx.json"),
                    Apps.subject("pkg:oci/unsigned@1.0").direct("pkg:npm/left-pad@1.3.0", "MIT")
                            .write(tmp, "unsigned.cdx.json"),
                    Apps.subject("pkg:oci/bare@1.0").direct("pkg:npm/left-pad@1.3.0", "MIT")
                            .write(tmp, "bare.cdx.json"));
            Path signed = Files.writeString(tmp.resolve("signed.intoto.json"),
                    envelope(provenance("pkg:oci/signed@1.0"), keys));
            Path unsigned = Files.writeString(tmp.resolve("unsigned.intoto.json"), provenance("pkg:oci/unsigned@1.0"));
            IngestSummary summary = graph.ingest(List.of(signed.toString(), unsigned.toString()),
                    InputStream.nullInputStream(), new IngestListener() {}, trust);
            assertThat(summary.stored()).isEqualTo(2);

            String rule = "verified-provenance-for-production-images";
            assertThat(violations(graph, "pkg:oci/signed@1.0", rule, BEFORE_EXPIRY)).isEmpty();
            assertThat(violations(graph, "pkg:oci/unsigned@1.0", rule, BEFORE_EXPIRY)).extracting(Violation::purl)
                    .containsExactly("pkg:oci/unsigned@1.0");
            assertThat(violations(graph, "pkg:oci/bare@1.0", rule, BEFORE_EXPIRY)).extracting(Violation::purl)
                    .containsExactly("pkg:oci/bare@1.0");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDirectDependencyWithAScorecardBelow5Warns(Kind kind) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            // kubernetes-scorecard.json: github.com/kubernetes/kubernetes (repo.name) scores 8.9 (score)
            Path strong = Corpus.path("attest-vex/guac-exampledata/kubernetes-scorecard.json");
            Path weak = Files.writeString(tmp.resolve("weak.scorecard.json"), """
                    {"date": "2026-11-01", "repo": {"name": "github.com/acme/weak", "commit": "0f1e"},
                     "scorecard": {"version": "v5.0.0", "commit": "aa"}, "score": 3.1,
                     "checks": [{"name": "Maintained", "score": 0, "reason": "archived", "details": null,
                                 "documentation": {"url": "https://example.com", "short": "m"}}]}
                    """);
            ingest(graph, strong, weak,
                    Apps.subject("pkg:generic/acme/ops@1.0").direct("pkg:github/acme/weak@1.0", "MIT")
                            .direct("pkg:golang/github.com/kubernetes/kubernetes@v1.28.1", "Apache-2.0")
                            .write(tmp, "ops.cdx.json"),
                    Apps.subject("pkg:generic/acme/infra@1.0")
                            .direct("pkg:golang/github.com/kubernetes/kubernetes@v1.28.1", "Apache-2.0")
                            .transitive("pkg:github/acme/weak@1.0", "MIT")
                            .write(tmp, "infra.cdx.json"));

            String rule = "scorecard-at-least-5-for-direct-dependencies";
            assertThat(violations(graph, "pkg:generic/acme/ops@1.0", rule, BEFORE_EXPIRY))
                    .extracting(Violation::purl).containsExactly("pkg:github/acme/weak@1.0");
            // the same package as a transitive dependency is no direct one
            assertThat(violations(graph, "pkg:generic/acme/infra@1.0", rule, BEFORE_EXPIRY)).isEmpty();

            PolicyReport portfolio = graph.check(example(), PolicyCheck.Scope.portfolio(), BEFORE_EXPIRY);
            RuleOutcome outcome = portfolio.rules().stream().filter(r -> r.name().equals(rule)).findFirst()
                    .orElseThrow();
            assertThat(outcome.violations()).extracting(Violation::subject)
                    .containsExactly("pkg:generic/acme/ops@1.0");
            // a warning: the check passes
            assertThat(portfolio.failed()).isFalse();
            assertThat(portfolio.documents()).isEqualTo(2);
        }
    }

    private static String provenance(String subjectPurl) {
        return """
                {"_type": "https://in-toto.io/Statement/v1", "predicateType": "https://slsa.dev/provenance/v1",
                 "subject": [{"name": "image", "uri": "%s"}],
                 "predicate": {"buildDefinition": {"buildType": "https://example.com/build/v1",
                     "externalParameters": {}, "resolvedDependencies": []},
                   "runDetails": {"builder": {"id": "https://ci.example.com/builder"}}}}
                """.formatted(subjectPurl);
    }

    /** A DSSE envelope of the statement, signed with the key as DSSE's PAE says. */
    private static String envelope(String statement, KeyPair keys) throws Exception {
        String type = "application/vnd.in-toto+json";
        byte[] body = statement.getBytes(StandardCharsets.UTF_8);
        byte[] pae = ("DSSEv1 " + type.length() + " " + type + " " + body.length + " " + statement)
                .getBytes(StandardCharsets.UTF_8);
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(keys.getPrivate());
        signature.update(pae);
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"payloadType\": \"" + type + "\", \"payload\": \"" + b64.encodeToString(body)
                + "\", \"signatures\": [{\"keyid\": \"\", \"sig\": \"" + b64.encodeToString(signature.sign()) + "\"}]}";
    }
}
