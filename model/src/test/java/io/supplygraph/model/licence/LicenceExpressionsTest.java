package io.supplygraph.model.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.licence.LicenceExpression.AllOf;
import io.supplygraph.model.licence.LicenceExpression.AnyOf;
import io.supplygraph.model.licence.LicenceExpression.Licence;
import io.supplygraph.model.licence.LicenceExpression.LicenceRef;
import io.supplygraph.model.licence.LicenceExpression.Unstated;
import io.supplygraph.model.licence.LicenceExpression.WithException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The examples of SPDX 2.3 annex D and SPDX 3's licensing profile, and text that is no expression. */
class LicenceExpressionsTest {

    private static ParsedLicence parse(String text) {
        return LicenceExpressions.parse(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LGPL-2.1-only OR MIT", "LGPL-2.1-only OR MIT OR BSD-3-Clause", "LGPL-2.1-only AND MIT",
            "LGPL-2.1-only AND MIT AND BSD-2-Clause", "GPL-2.0-or-later WITH Bison-exception-2.2",
            "MIT AND (LGPL-2.1-or-later OR BSD-3-Clause)", "CDDL-1.0+", "LicenseRef-23",
            "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "GPL-2.0-only WITH AdditionRef-my-exception",
            "EPL-2.0 OR GPL-2.0 WITH Classpath-exception-2.0", "NOASSERTION", "NONE"})
    void specificationExamplesParseAndWriteBackAsWritten(String text) {
        ParsedLicence parsed = parse(text);
        assertThat(parsed.malformed()).isFalse();
        assertThat(parsed.normalised()).isEqualTo(text);
        assertThat(parsed.warnings()).isEmpty();
    }

    @Test
    void andBindsTighterThanOrAndWithTighterThanBoth() {
        assertThat(parse("LGPL-2.1-only OR BSD-3-Clause AND MIT").expression()).isEqualTo(new AnyOf(List.of(
                new Licence("LGPL-2.1-only", false, true),
                new AllOf(List.of(new Licence("BSD-3-Clause", false, true), new Licence("MIT", false, true))))));
        assertThat(parse("MIT AND GPL-2.0-only WITH Classpath-exception-2.0").expression()).isEqualTo(new AllOf(
                List.of(new Licence("MIT", false, true), new WithException(new Licence("GPL-2.0-only", false, true),
                        "Classpath-exception-2.0"))));
    }

    @Test
    void bracketsOverridePrecedenceAndAreKeptOnlyWhereNeeded() {
        assertThat(parse("(MIT OR Apache-2.0) AND BSD-3-Clause").normalised())
                .isEqualTo("(MIT OR Apache-2.0) AND BSD-3-Clause");
        assertThat(parse("((MIT))").normalised()).isEqualTo("MIT");
        assertThat(parse("(MIT OR Apache-2.0)").normalised()).isEqualTo("MIT OR Apache-2.0");
        assertThat(parse("MIT AND (Apache-2.0 AND BSD-2-Clause)").expression())
                .as("the same operator nested is flattened").isInstanceOf(AllOf.class)
                .extracting(e -> ((AllOf) e).terms().size()).isEqualTo(3);
    }

    @Test
    void idsAndOperatorsAreReadInAnyCaseAndWrittenInTheListsSpelling() {
        assertThat(parse("mit or apache-2.0").normalised()).isEqualTo("MIT OR Apache-2.0");
        assertThat(parse("gpl-2.0-only with classpath-exception-2.0").normalised())
                .isEqualTo("GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(parse("licenseref-Acme").expression()).isEqualTo(new LicenceRef("licenseref-Acme"));
        assertThat(parse("noassertion").expression()).isEqualTo(new Unstated(Unstated.Kind.NOASSERTION));
    }

    @Test
    void anIdTheListLacksIsKeptWithAWarning() {
        ParsedLicence parsed = parse("MIT OR Acme-Public-1.0");
        assertThat(parsed.malformed()).isFalse();
        assertThat(parsed.expression()).isEqualTo(new AnyOf(List.of(new Licence("MIT", false, true),
                new Licence("Acme-Public-1.0", false, false))));
        assertThat(parsed.warnings()).singleElement().asString().contains("Acme-Public-1.0")
                .contains(SpdxLicenceList.get().version());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Apache License, Version 2.0", "MIT OR", "(MIT", "MIT)", "", "   ", "AND MIT", "MIT Apache-2.0",
            "(MIT OR Apache-2.0) WITH Classpath-exception-2.0", "MIT WITH", "NONE WITH Classpath-exception-2.0",
            "GPL-2.0 WITH Classpath exception", "()", "MIT OR OR Apache-2.0", "MIT/X11"})
    void textThatIsNoExpressionIsKeptAsWrittenWithAWarning(String text) {
        ParsedLicence parsed = parse(text);
        assertThat(parsed.malformed()).isTrue();
        assertThat(parsed.normalised()).isEqualTo(text);
        assertThat(parsed.warnings()).last().asString().startsWith("not an SPDX licence expression");
    }

    @Test
    void bracketsNestedWithoutBoundAreRefusedWithoutRecursingWithoutBound() {
        String deep = "(".repeat(100_000) + "MIT" + ")".repeat(100_000);
        ParsedLicence parsed = parse(deep);
        assertThat(parsed.malformed()).isTrue();
        assertThat(parsed.warnings()).last().asString().contains("nested deeper than");
        String allowed = "(".repeat(LicenceExpressions.MAX_DEPTH) + "MIT" + ")".repeat(LicenceExpressions.MAX_DEPTH);
        assertThat(parse(allowed).normalised()).isEqualTo("MIT");
    }

    @Test
    void everyIdOnTheBundledListParsesToItself() throws Exception {
        var ids = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                SpdxLicenceList.class.getResourceAsStream("licenses.json")).path("licenses");
        assertThat(ids.size()).isGreaterThan(600);
        for (var l : ids) {
            String id = l.path("licenseId").asText();
            assertThat(parse(id).normalised()).as(id).isEqualTo(id);
            assertThat(parse(id + " WITH LLVM-exception").warnings()).as(id).isEmpty();
        }
    }
}
