package io.supplygraph.analysis.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.view.PolicyAction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and compiling policy files: what they may say, and how each mistake is reported (file, line, rule). */
class PolicyFileTest {

    private static Policy parse(String yaml) {
        return PolicyFile.parse("policy.yaml", yaml);
    }

    @Test
    void readsTheIssuesShapeWithLinesScopesAndWaivers() {
        Policy policy = parse("""
                rules:
                  - name: no-fixable-critical
                    when: finding.severity == "critical" && size(finding.fixed) > 0
                    action: fail            # or warn
                    message: critical finding with a fix available
                  - name: only-acme
                    scope: ["pkg:maven/com.acme/*", "pkg:oci/*"]
                    when: 'pkg.licences.exists(l, l.matches("(^|[^L])GPL"))'
                    action: WARN
                    x-owner: legal
                waivers:
                  - rule: no-fixable-critical
                    match: "pkg:npm/minimist@1.2.5"   # a purl (version optional, * allowed) or an id
                    reason: not reachable from our code
                    expires: 2026-12-31
                """);
        assertThat(policy.rules()).extracting(Rule::name, Rule::action, Rule::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-fixable-critical", PolicyAction.FAIL, 2),
                org.assertj.core.groups.Tuple.tuple("only-acme", PolicyAction.WARN, 6));
        Rule scoped = policy.rules().get(1);
        assertThat(scoped.message()).isEqualTo("only-acme");
        assertThat(scoped.appliesTo("pkg:maven/com.acme/shop@1.0")).isTrue();
        assertThat(scoped.appliesTo("pkg:maven/org.other/shop@1.0")).isFalse();
        assertThat(policy.rules().get(0).appliesTo(null)).isTrue();
        Waiver waiver = policy.waivers().get(0);
        assertThat(waiver.expires()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(waiver.expiredOn(LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(waiver.expiredOn(LocalDate.of(2027, 1, 1))).isTrue();
        CompiledPolicy compiled = CompiledPolicy.compile(policy);
        assertThat(compiled.rules()).extracting(CompiledRule::level)
                .containsExactly(Variable.Level.FINDING, Variable.Level.PACKAGE);
    }

    @Test
    void aSyntaxErrorNamesTheFileTheRulesLineAndNameAndCelsMessage() {
        Policy policy = parse("""
                rules:
                  - name: fine
                    when: document.trust == "verified"
                    action: warn
                  - name: broken
                    when: finding.severity == "critical" &&
                    action: fail
                """);
        assertThatThrownBy(() -> CompiledPolicy.compile(policy)).isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy.yaml:5: rule 'broken' does not compile: ERROR: <input>:1:");
    }

    @Test
    void aTypoInAFieldIsAnErrorNotARuleThatNeverFires() {
        Policy policy = parse("""
                rules:
                  - name: typo
                    when: has(finding.severty) && finding.kev
                    action: fail
                """);
        assertThatThrownBy(() -> CompiledPolicy.compile(policy)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("policy.yaml:2: rule 'typo' does not compile: 'finding' has no field 'severty'");
    }

    @Test
    void packageIsReservedInCelSoThePackageIsPkg() {
        Policy policy = parse("""
                rules:
                  - name: reserved
                    when: package.direct
                    action: fail
                """);
        assertThatThrownBy(() -> CompiledPolicy.compile(policy)).hasMessageContaining("reserved identifier: package");
    }

    @Test
    void aRuleThatIsNotBooleanDoesNotCompile() {
        assertThatThrownBy(() -> CompiledPolicy.compile(parse("""
                rules:
                  - name: score
                    when: size(finding.fixed)
                    action: fail
                """))).hasMessageStartingWith("policy.yaml:2: rule 'score' does not compile");
    }

    @Test
    void anUnknownKeyIsAnErrorSoThatATypoCannotDisableARule() {
        assertThatThrownBy(() -> parse("""
                rules:
                  - name: typo
                    wen: finding.kev
                    action: fail
                """)).isInstanceOf(PolicyException.class)
                .hasMessage("policy.yaml:3: unknown key 'wen' in a rule; the keys are action, message, name, scope,"
                        + " when (and x-... for annotations)");
        assertThatThrownBy(() -> parse("""
                rule:
                  - name: typo
                """)).hasMessageStartingWith("policy.yaml:1: unknown key 'rule' in the policy");
    }

    @Test
    void eachMistakeOfShapeNamesItsLine() {
        assertThatThrownBy(() -> parse("rules:\n  - name: a\n    when: finding.kev\n")).hasMessage(
                "policy.yaml:2: missing key 'action'");
        assertThatThrownBy(() -> parse("rules:\n  - name: a\n    when: finding.kev\n    action: stop\n")).hasMessage(
                "policy.yaml:4: rule 'a': action is fail or warn, not 'stop'");
        assertThatThrownBy(() -> parse("""
                rules:
                  - {name: a, when: finding.kev, action: fail}
                  - {name: a, when: finding.kev, action: warn}
                """)).hasMessage("policy.yaml:3: a second rule is named 'a'");
        assertThatThrownBy(() -> parse("""
                rules:
                  - {name: a, when: finding.kev, action: fail}
                waivers:
                  - {rule: b, match: CVE-1, reason: r, expires: 2026-01-01}
                """)).hasMessage("policy.yaml:4: the waiver names the rule 'b', which the policy does not have");
        assertThatThrownBy(() -> parse("""
                rules:
                  - {name: a, when: finding.kev, action: fail}
                waivers:
                  - {rule: a, match: CVE-1, reason: r, expires: next year}
                """)).hasMessage("policy.yaml:4: expires is an ISO date (2026-12-31), not 'next year'");
        assertThatThrownBy(() -> parse("rules: [\n")).hasMessageStartingWith("policy.yaml:2: not valid YAML");
        assertThatThrownBy(() -> parse("")).hasMessage("policy.yaml: the policy is empty; it needs a list of rules");
    }

    @Test
    void waiversMatchPurlsWithOrWithoutAVersionAndIdsOrAliases() {
        Waiver any = new Waiver("r", MatchPattern.of("pkg:npm/minimist"), "why", LocalDate.MAX, 1);
        Waiver one = new Waiver("r", MatchPattern.of("pkg:npm/minimist@1.2.5"), "why", LocalDate.MAX, 1);
        Waiver star = new Waiver("r", MatchPattern.of("pkg:maven/org.apache.*/*@2.*"), "why", LocalDate.MAX, 1);
        Waiver id = new Waiver("r", MatchPattern.of("cve-2021-44906"), "why", LocalDate.MAX, 1);
        assertThat(any.covers("r", "pkg:npm/minimist@1.2.5", List.of())).isTrue();
        assertThat(any.covers("other", "pkg:npm/minimist@1.2.5", List.of())).isFalse();
        assertThat(any.covers("r", "pkg:npm/minimist-x@1.2.5", List.of())).isFalse();
        assertThat(one.covers("r", "pkg:npm/minimist@1.2.5?foo=bar", List.of())).isTrue();
        assertThat(one.covers("r", "pkg:npm/minimist@1.2.6", List.of())).isFalse();
        assertThat(star.covers("r", "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", List.of())).isTrue();
        assertThat(star.covers("r", "pkg:maven/org.apache.logging.log4j/log4j-core@1.2", List.of())).isFalse();
        assertThat(id.covers("r", "pkg:npm/minimist@1.2.5", List.of("GHSA-xvch-5gv4-984h", "CVE-2021-44906")))
                .isTrue();
        assertThat(id.covers("r", "pkg:npm/minimist@1.2.5", List.of("GHSA-xvch-5gv4-984h"))).isFalse();
    }
}
