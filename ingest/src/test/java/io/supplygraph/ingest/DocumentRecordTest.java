package io.supplygraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.SbomFacts.Edge;
import io.supplygraph.model.fact.SbomFacts.Licence;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever text a document carries, a record on its way to the store holds no NUL, on any backend. */
class DocumentRecordTest {

    private static final String SYMBOL = "\u2400";

    private static SbomFacts sbom(String text) {
        PackageIdentity app = PackageIdentity.synthetic("app", "1");
        PackageIdentity lib = PackageIdentity.synthetic("lib", "2");
        Statement statement = new Statement("CVE-1", List.of(), lib, null, null, Status.NOT_AFFECTED, null,
                "impact " + text, null, null);
        return new SbomFacts("1.6", "doc " + text, 1, List.of(app, lib), new int[] {0},
                List.of(new Edge(0, 1, EdgeKind.DEPENDS_ON)), new int[] {-1, 0}, new int[] {0, 1}, List.of(),
                List.of(new Licence(1, "MIT " + text, null)), List.of(statement), List.of(), List.of("warned " + text), "tool " + text);
    }

    private static DocumentRecord record(String source, Facts facts, Trust trust) {
        return new DocumentRecord("sha256:00", DocumentFormat.CYCLONEDX_JSON, source, 1, facts, trust);
    }

    @Test
    void everyTextWithNulHoldsTheSymbolInsteadAndOneWarningSaysWhere() {
        DocumentRecord r = record("in/a\u0000.json", sbom("x\u0000y"), Trust.failed("bad\u0000"));

        SbomFacts facts = (SbomFacts) r.facts();
        assertThat(r.source()).isEqualTo("in/a" + SYMBOL + ".json");
        assertThat(r.trust().reason()).isEqualTo("bad" + SYMBOL);
        assertThat(facts.name()).isEqualTo("doc x" + SYMBOL + "y");
        assertThat(facts.licences().get(0).declared()).isEqualTo("MIT x" + SYMBOL + "y");
        assertThat(facts.vex().get(0).impactStatement()).isEqualTo("impact x" + SYMBOL + "y");
        assertThat(facts.warnings()).containsExactly("warned x" + SYMBOL + "y",
                "NUL characters (U+0000) are stored as " + SYMBOL
                        + " (U+2400) in: source, reason, name, declared, impactStatement, warnings, producer");
        assertThat(facts.edges()).containsExactly(new Edge(0, 1, EdgeKind.DEPENDS_ON));
        assertThat(facts.subjects()).containsExactly(0);
    }

    @Test
    void vexDocumentWithNulInAStatementIsEscapedToo() {
        VexFacts vex = new VexFacts("0.2.0", "id", List.of(new Statement("CVE-1", List.of("GHSA-\u0000"),
                PackageIdentity.synthetic("lib", "2"), null, "product\u0000", Status.AFFECTED, null, null,
                "upgrade\u0000", null)), List.of());

        VexFacts escaped = (VexFacts) record("v.json", vex, Trust.UNSIGNED).facts();

        Statement s = escaped.statements().get(0);
        assertThat(s.aliases()).containsExactly("GHSA-" + SYMBOL);
        assertThat(s.productLabel()).isEqualTo("product" + SYMBOL);
        assertThat(s.actionStatement()).isEqualTo("upgrade" + SYMBOL);
        assertThat(escaped.warnings()).singleElement().asString()
                .endsWith("in: aliases, productLabel, actionStatement");
    }

    @Test
    void recordWithoutNulKeepsItsFactsAsTheyAre() {
        SbomFacts facts = sbom("plain \u0001\t text");

        DocumentRecord r = record("in/a.json", facts, Trust.UNSIGNED);

        assertThat(r.facts()).isSameAs(facts);
        assertThat(((SbomFacts) r.facts()).name()).isEqualTo("doc plain \u0001\t text");
    }
}
