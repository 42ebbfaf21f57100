package io.supplygraph.server;

import static io.supplygraph.server.UiPortfolio.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.server.ApiClient.Reply;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the UI's pages read, as the API answers it, on SQLite and PostgreSQL, for {@link UiPortfolio}. */
class PortfolioApiTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final Servers servers = new Servers();

    private RunningServer server(Kind kind) {
        return UiPortfolio.servedBy(servers, kind, temp);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void applicationsListEachReleaseWithItsOpenFindings(Kind kind) {
        RunningServer s = server(kind);
        JsonNode items = s.get("/api/v1/applications", s.readToken).body().path("items");
        assertThat(texts(items, "application")).hasSize(6).contains("pkg:maven/acme/billing", "pkg:maven/acme/payments");
        JsonNode billing = null;
        for (JsonNode item : items) {
            billing = item.path("application").asText().equals("pkg:maven/acme/billing") ? item : billing;
        }
        assertThat(billing.path("latest").asText()).isEqualTo("1.0.0");
        assertThat(billing.path("findings").path("critical").asInt()).as("log4shell reaches billing").isEqualTo(1);
        assertThat(billing.path("releases").get(0).path("documents")).hasSize(1);
        JsonNode latest = s.get("/api/v1/applications?latest=true", s.readToken).body().path("items");
        latest.forEach(a -> assertThat(a.path("releases")).hasSize(1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOverviewCountsFindingsAndShowsWhatIsMostExposed(Kind kind) {
        RunningServer s = server(kind);
        JsonNode o = s.get("/api/v1/overview", s.readToken).body();
        JsonNode counts = o.path("counts");
        assertThat(counts.path("applications").asInt()).as("payments, its image, billing, reports, shop, markup")
                .isEqualTo(6);
        assertThat(counts.path("releases").asInt()).as("one release each").isEqualTo(6);
        assertThat(counts.path("documents").asInt()).as("six SBOMs and two VEX").isEqualTo(8);
        assertThat(counts.path("advisories").asInt()).isEqualTo(3);
        assertThat(counts.path("advisories_modified").asText()).isEqualTo("2026-02-01T00:00:00Z");
        assertThat(o.path("findings")).extracting(f -> f.path("severity").asText() + " " + f.path("status").asText()
                + " " + f.path("findings").asInt()).containsExactly("critical affected 1", "medium not_affected 1");
        assertThat(texts(o.path("malicious"), "purl")).containsExactly(EVIL);
        assertThat(o.path("malicious").get(0).path("applications").asInt()).isEqualTo(1);
        JsonNode exposed = o.path("exposed");
        assertThat(texts(exposed, "purl")).as("open findings only: commons is not affected").containsExactly(LOG4J_OLD);
        assertThat(exposed.get(0).path("applications").asInt())
                .as("billing and the payments image: payments itself says it is not affected").isEqualTo(2);
        assertThat(exposed.get(0).path("severity").asText()).isEqualTo("critical");
        assertThat(o.path("provenance").path("applications").asInt()).isEqualTo(6);
        assertThat(o.path("provenance").path("with_provenance").asInt()).isZero();
        assertThat(o.path("recent").get(0).path("format").asText()).as("newest first").isEqualTo("openvex");
        assertThat(o.path("rejections")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theOverviewFollowsEveryChangeThoughItIsComputedOncePerRevision(Kind kind) {
        RunningServer s = server(kind);
        JsonNode before = s.get("/api/v1/overview", s.readToken).body();
        assertThat(s.get("/api/v1/overview", s.readToken).body()).as("the same revision, the same answer")
                .isEqualTo(before);
        String subject = "pkg:maven/acme/late@1.0";
        String bom = TestBoms.application(subject).depends(subject, LOG4J_OLD).json();
        assertThat(s.upload("late.cdx.json", bom, s.writeToken).status()).isEqualTo(201);
        JsonNode after = s.get("/api/v1/overview", s.readToken).body();
        assertThat(after.path("counts").path("documents").asInt())
                .isEqualTo(before.path("counts").path("documents").asInt() + 1);
        assertThat(after.path("recent").get(0).path("subject").asText()).isEqualTo(subject);
        assertThat(after.path("exposed").get(0).path("applications").asInt())
                .isEqualTo(before.path("exposed").get(0).path("applications").asInt() + 1);
        assertThat(s.delete("/api/v1/documents/" + TestBoms.digest(bom), s.writeToken).status()).isEqualTo(200);
        assertThat(s.get("/api/v1/overview", s.readToken).body().path("counts"))
                .isEqualTo(before.path("counts"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void searchFindsEachKindByWhatPeopleType(Kind kind) {
        RunningServer s = server(kind);
        assertThat(hits(s, CVE)).containsExactly("vulnerability " + GHSA);
        assertThat(hits(s, LOG4J)).containsExactly("package " + LOG4J);
        assertThat(hits(s, LOG4J_OLD)).containsExactly("package " + LOG4J_OLD);
        String shop = TestBoms.digest(UiPortfolio.documents().get("shop.cdx.json"));
        assertThat(hits(s, shop.substring(7, 19))).containsExactly("document " + shop);
        assertThat(hits(s, "payments")).as("the application first; its versions are a package's too")
                .containsExactly("application " + PAYMENTS, "application " + IMAGE, "package pkg:maven/acme/payments",
                        "package pkg:oci/payments-image");
        assertThat(hits(s, "evil")).containsExactly("package pkg:npm/evil-pkg");
        assertThat(hits(s, "nothing-like-this")).isEmpty();
    }

    private static List<String> hits(RunningServer s, String term) {
        Reply reply = s.get("/api/v1/search?term=" + RunningServer.encode(term), s.readToken);
        assertThat(reply.status()).as(term).isEqualTo(200);
        List<String> hits = new ArrayList<>();
        reply.body().path("items").forEach(h -> hits.add(h.path("kind").asText() + " " + h.path("label").asText()));
        return hits;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApplicationHasItsDocumentsAndADocumentItsComponentTree(Kind kind) {
        RunningServer s = server(kind);
        JsonNode app = s.get("/api/v1/application?subject=" + RunningServer.encode(BILLING), s.readToken).body();
        assertThat(app.path("name").asText()).isEqualTo(BILLING);
        String billing = TestBoms.digest(UiPortfolio.documents().get("billing.cdx.json"));
        assertThat(texts(app.path("documents"), "digest")).containsExactly(billing);

        JsonNode tree = s.get("/api/v1/documents/" + billing + "/components", s.readToken).body().path("items");
        assertThat(tree).extracting(c -> c.path("purl").asText() + " " + c.path("depth").asInt() + " "
                + c.path("parent").asText(null)).containsExactly(BILLING + " 0 null", COMMONS + " 1 " + BILLING,
                        LOG4J_OLD + " 2 " + COMMONS);
        assertThat(s.get("/api/v1/application?subject=" + RunningServer.encode(COMMONS), s.readToken).status())
                .as("a component is no application").isEqualTo(404);

        String payments = TestBoms.digest(UiPortfolio.documents().get("payments.cdx.json"));
        String image = TestBoms.digest(UiPortfolio.documents().get("image.cdx.json"));
        assertThat(s.get("/api/v1/documents/" + payments + "/nested", s.readToken).body().path("items"))
                .extracting(n -> n.path("relation").asText() + " " + n.path("digest").asText() + " "
                        + n.path("joined_by").asText() + " " + n.path("via").asText())
                .containsExactly("inside " + image + " purl " + PAYMENTS);
        assertThat(s.get("/api/v1/documents/" + image + "/nested", s.readToken).body().path("items"))
                .extracting(n -> n.path("relation").asText() + " " + n.path("subject").asText())
                .containsExactly("holds " + PAYMENTS);
        assertThat(s.get("/api/v1/documents/" + billing + "/nested", s.readToken).body().path("items")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void licencesAreCountedPerExpressionAndAVulnerabilityListsItsRanges(Kind kind) {
        RunningServer s = server(kind);
        String digest = s.upload("licensed.cdx.json", LICENSED_BOM, s.writeToken).body().path("digest").asText();
        JsonNode licences = s.get("/api/v1/documents/" + digest + "/licences", s.readToken).body().path("items");
        assertThat(licences).extracting(l -> l.path("licence").asText(null) + " " + l.path("components").asInt())
                .startsWith("MIT 2").contains("GPL-2.0-only OR Apache-2.0 1");

        JsonNode ranges = s.get("/api/v1/vulns/" + CVE + "/affected", s.readToken).body().path("items");
        assertThat(ranges).hasSize(1);
        assertThat(ranges.get(0).path("advisory").asText()).isEqualTo(GHSA);
        assertThat(ranges.get(0).path("ecosystem").asText()).isEqualTo("Maven");
        assertThat(texts(ranges.get(0).path("ranges"), "")).hasSize(1);
        assertThat(ranges.get(0).path("ranges").get(0).asText()).isEqualTo(">= 2.0-beta9, < 2.15.0");
        assertThat(ranges.get(0).path("fixed").get(0).asText()).isEqualTo("2.15.0");
        JsonNode malicious = s.get("/api/v1/vulns/" + MAL + "/affected", s.readToken).body().path("items");
        assertThat(malicious.get(0).path("ranges")).isEmpty();
        assertThat(malicious.get(0).path("versions").asInt()).isEqualTo(1);
    }
}
