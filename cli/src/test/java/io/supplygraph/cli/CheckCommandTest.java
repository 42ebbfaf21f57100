package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the demo's graph with the README's example policy, as a CI job runs it: the exit code, the
 * violations grouped by rule, and each output format. What the demo holds that decides is named where it is used
 * (cli/src/main/resources/demo/README.txt).
 */
class CheckCommandTest {

    static final String EXAMPLE = Path.of("src", "main", "resources", "demo", "policy.yaml").toString();

    @TempDir
    static Path tmp;

    private static Path demo;

    @BeforeAll
    static void demo() {
        demo = CliRun.demo(tmp);
    }

    private static CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check"));
        all.addAll(List.of(args));
        return CliRun.against(demo, all.toArray(String[]::new));
    }

    private static Path policy(String yaml) throws Exception {
        return Files.writeString(Files.createTempFile(tmp, "policy", ".yaml"), yaml);
    }

    @Test
    void theExamplePolicyFailsTheDemoAndGroupsItsViolationsByRule() {
        CliRun run = check("--policy", EXAMPLE);
        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        // log4j-core 2.14.1 (SGDEMO-2021-0001, critical, fixed 2.15.0) in payments-service and, nested, the image;
        // the MAL- record of acme-demo-colors-helper in web-shop; the payments image's provenance is not signed.
        // minimist 1.2.5 in web-shop is critical with a fix too, but web-shop's OpenVEX says not affected.
        assertThat(run.out()).containsSubsequence(
                "no-fixable-critical-or-kev (fail): critical or known-exploited vulnerability with a fix available"
                        + " - 2 violations",
                "SGDEMO-2021-0001", "SGDEMO-2021-0001",
                "no-malicious-package (fail): malicious package - 1 violation", "MAL-0000-0001",
                "verified-provenance-for-production-images (fail)");
        assertThat(run.out()).doesNotContain("minimist", "no-gpl-in-proprietary-apps", "scorecard-at-least-5");
        assertThat(run.err()).contains("5 SBOMs checked: 4 violations of fail rules, 0 warnings");
    }

    @Test
    void theReadmeShowsTheExamplePolicyAsItShips() throws Exception {
        assertThat(Files.readString(Path.of("..", "README.md")))
                .contains("```yaml\n" + Files.readString(Path.of(EXAMPLE)) + "```");
    }

    @Test
    void oneDocumentOrOneApplication() throws Exception {
        // web-shop's SBOM (sha256:35efacc2...): only the malicious package
        CliRun web = check("--policy", EXAMPLE, "--doc", "sha256:35efacc2", "--json");
        assertThat(web.exit()).isEqualTo(Main.EXIT_FAILURE);
        JsonNode report = new ObjectMapper().readTree(web.out());
        assertThat(report.get("documents").asInt()).isEqualTo(1);
        List<String> violated = new ArrayList<>();
        report.get("rules").forEach(r -> {
            if (!r.get("violations").isEmpty()) {
                violated.add(r.get("name").asText());
            }
        });
        assertThat(violated).containsExactly("no-malicious-package");
        // billing (pkg:maven/com.acme/billing@1.0.0) breaks none of the rules
        CliRun billing = check("--policy", EXAMPLE, "--app", "pkg:maven/com.acme/billing@1.0.0");
        assertThat(billing.exit()).as(billing.err()).isZero();
        assertThat(billing.out()).isEqualTo("no violations: 5 rules, 1 SBOMs\n");
        assertThat(billing.err()).contains("1 SBOMs checked: 0 violations of fail rules, 0 warnings; passed");
        assertThat(check("--policy", EXAMPLE, "--app", "pkg:maven/com.acme/nothing@1").exit())
                .isEqualTo(Main.EXIT_USAGE);
    }

    @Test
    void warningsAndWaivedViolationsPassAndSarifSaysWhichAreSuppressed() throws Exception {
        Path lenient = policy("""
                rules:
                  - name: no-malicious-package
                    when: finding.kind == "malicious"
                    action: fail
                    message: malicious package
                  - name: unsigned-sboms
                    when: document.trust != "verified"
                    action: warn
                    message: unsigned SBOM
                waivers:
                  - rule: no-malicious-package
                    match: MAL-0000-*
                    reason: a made-up record of the demo
                    expires: 2999-12-31
                """);
        CliRun run = check("--policy", lenient.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("no-malicious-package (fail): malicious package - 1 violation, 1 waived",
                "a made-up record of the demo", "unsigned-sboms (warn): unsigned SBOM - 5 violations");
        assertThat(run.err()).contains("0 violations of fail rules, 5 warnings; passed");

        JsonNode log = FormatsTest.validSarif(check("--policy", lenient.toString(), "--format", "sarif").out());
        JsonNode results = log.get("runs").get(0).get("results");
        assertThat(results).hasSize(6);
        JsonNode waived = results.get(0);
        assertThat(waived.get("ruleId").asText()).isEqualTo("no-malicious-package");
        assertThat(waived.get("suppressions").get(0).get("justification").asText())
                .isEqualTo("a made-up record of the demo");
        assertThat(results.get(1).get("level").asText()).isEqualTo("warning");
        assertThat(results.get(1).has("suppressions")).isFalse();

        List<String> csv = check("--policy", lenient.toString(), "--format", "csv").out().lines().toList();
        assertThat(csv.get(0)).isEqualTo("rule,action,document,subject,purl,finding,severity,waiver,message");
        assertThat(csv).hasSize(7);
    }

    @Test
    void anExpiredWaiverNoLongerWaivesAndSaysSo() throws Exception {
        Path expired = policy("""
                rules:
                  - name: no-malicious-package
                    when: finding.kind == "malicious"
                    action: fail
                waivers:
                  - rule: no-malicious-package
                    match: pkg:npm/acme-demo-colors-helper
                    reason: a made-up record of the demo
                    expires: 2020-01-31
                """);
        CliRun run = check("--policy", expired.toString());
        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.err()).contains("the waiver for pkg:npm/acme-demo-colors-helper expired on 2020-01-31 and no"
                + " longer waives (a made-up record of the demo)");
    }

    @Test
    void aPolicyThatDoesNotCompileExits2NamingTheRuleAndItsLine() throws Exception {
        Path broken = policy("""
                rules:
                  - name: fine
                    when: finding.kev
                    action: warn
                  - name: broken
                    when: finding.severity ==
                    action: fail
                """);
        CliRun run = check("--policy", broken.toString());
        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("supplygraph check: " + broken + ":5: rule 'broken' does not compile: ERROR:");

        CliRun missing = check("--policy", tmp.resolve("nowhere.yaml").toString());
        assertThat(missing.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(missing.err()).contains("nowhere.yaml: cannot read the policy");
    }
}
