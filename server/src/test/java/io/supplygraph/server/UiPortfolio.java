package io.supplygraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.store.TestStores;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The portfolio the UI tests look at, uploaded through the API; every expected answer follows from these lines.
 * Payments lists log4j-core 2.14.1 directly, and a VEX statement says payments is not affected by log4shell
 * (which says nothing of the other applications); the payments image's SBOM lists payments (a nested SBOM); billing has it through acme commons, whose own advisory a VEX
 * statement says billing is not affected by; the shop contains a malicious npm package; one SBOM's subject and
 * component are named with markup, which every page must show as text.
 */
final class UiPortfolio {

    static final String LOG4J = "pkg:maven/org.apache.logging.log4j/log4j-core";
    static final String LOG4J_OLD = LOG4J + "@2.14.1";
    static final String LOG4J_NEW = LOG4J + "@2.17.1";
    static final String PAYMENTS = "pkg:maven/acme/payments@2.4.0";
    static final String BILLING = "pkg:maven/acme/billing@1.0.0";
    static final String COMMONS = "pkg:maven/acme/commons@1.0";
    static final String REPORTS = "pkg:maven/acme/reports@5.0";
    static final String SHOP = "pkg:npm/acme-shop@3.1.0";
    static final String IMAGE = "pkg:oci/payments-image@1.0";
    static final String EVIL = "pkg:npm/evil-pkg@1.0.0";
    static final String CVE = "CVE-2021-44228";
    static final String GHSA = "GHSA-jfh8-test-log4j";
    static final String MAL = "MAL-2026-0001";
    static final String COMMONS_ADVISORY = "GHSA-acme-commons-0001";
    static final String MEDIUM = "CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L";
    static final String JUSTIFICATION = "vulnerable_code_not_in_execute_path";
    static final String PAYMENTS_JUSTIFICATION = "inline_mitigations_already_exist";
    static final String SCRIPT_NAME = "<script>alert(1)</script>";
    static final String IMG_NAME = "<img src=x onerror=alert(2)>";
    static final String CRITICAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * An SBOM whose components declare licences, for the tests of licences (not one of {@link #documents}): a and b
     * are MIT, c GPL-2.0 or Apache-2.0, d states none, and e, which a brings in, is LGPL-2.1.
     */
    static final String LICENSED = "pkg:npm/licensed@1";
    static final String LICENSED_BOM = """
            {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
             "metadata":{"component":{"type":"application","bom-ref":"app","name":"licensed","version":"1",
               "purl":"pkg:npm/licensed@1"}},
             "components":[
              {"type":"library","bom-ref":"a","name":"a","version":"1","purl":"pkg:npm/a@1",
               "licenses":[{"license":{"id":"MIT"}}]},
              {"type":"library","bom-ref":"b","name":"b","version":"1","purl":"pkg:npm/b@1",
               "licenses":[{"license":{"id":"MIT"}}]},
              {"type":"library","bom-ref":"c","name":"c","version":"1","purl":"pkg:npm/c@1",
               "licenses":[{"expression":"GPL-2.0-only OR Apache-2.0"}]},
              {"type":"library","bom-ref":"d","name":"d","version":"1","purl":"pkg:npm/d@1"},
              {"type":"library","bom-ref":"e","name":"e","version":"1","purl":"pkg:npm/e@1",
               "licenses":[{"license":{"id":"LGPL-2.1-only"}}]}],
             "dependencies":[{"ref":"app","dependsOn":["a","b","c","d"]},{"ref":"a","dependsOn":["e"]}]}
            """;

    /** Name to content, in upload order. */
    static Map<String, String> documents() {
        Map<String, String> documents = new LinkedHashMap<>();
        documents.put("payments.cdx.json", TestBoms.application(PAYMENTS).depends(PAYMENTS, LOG4J_OLD).json());
        documents.put("image.cdx.json", TestBoms.application(IMAGE).depends(IMAGE, PAYMENTS).json());
        documents.put("billing.cdx.json", TestBoms.application(BILLING).depends(BILLING, COMMONS)
                .depends(COMMONS, LOG4J_OLD).json());
        documents.put("reports.cdx.json", TestBoms.application(REPORTS).depends(REPORTS, LOG4J_NEW).json());
        documents.put("shop.cdx.json", TestBoms.application(SHOP).depends(SHOP, EVIL).json());
        documents.put("markup.cdx.json", markupBom());
        documents.put("log4j.osv.json", log4jAdvisory());
        documents.put("mal.osv.json", maliciousAdvisory());
        documents.put("commons.osv.json", TestBoms.osvMaven(COMMONS_ADVISORY, "acme:commons", "0", "1.1", MEDIUM));
        documents.put("billing.openvex.json", vex("billing-1", COMMONS_ADVISORY, BILLING, COMMONS, JUSTIFICATION));
        documents.put("payments.openvex.json", vex("payments-1", CVE, PAYMENTS, LOG4J_OLD, PAYMENTS_JUSTIFICATION));
        return documents;
    }

    /** A server that {@code servers} stops, on a fresh graph of this kind holding the portfolio. */
    static RunningServer servedBy(Servers servers, TestStores.Kind kind, Path temp) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-" + kind));
        uploadTo(s);
        return s;
    }

    static void uploadTo(ApiClient server) {
        documents().forEach((name, content) -> assertThat(server.upload(name, content, server.writeToken).status())
                .as(name).isEqualTo(201));
    }

    static String markupBom() {
        ObjectNode bom = JSON.createObjectNode().put("bomFormat", "CycloneDX").put("specVersion", "1.5")
                .put("version", 1);
        bom.putObject("metadata").putObject("component").put("type", "application").put("bom-ref", "app")
                .put("name", SCRIPT_NAME).put("version", "1.0");
        bom.putArray("components").addObject().put("type", "library").put("bom-ref", "lib").put("name", IMG_NAME)
                .put("version", "1");
        ArrayNode dependencies = bom.putArray("dependencies");
        dependencies.addObject().put("ref", "app").putArray("dependsOn").add("lib");
        return bom.toString();
    }

    static String log4jAdvisory() {
        ObjectNode record = JSON.createObjectNode().put("schema_version", "1.6.0").put("id", GHSA)
                .put("modified", "2026-01-01T00:00:00Z").put("published", "2021-12-10T00:00:00Z")
                .put("summary", "Remote code execution in log4j-core lookups");
        record.putArray("aliases").add(CVE);
        record.putArray("severity").addObject().put("type", "CVSS_V3").put("score", CRITICAL);
        ObjectNode affected = record.putArray("affected").addObject();
        affected.putObject("package").put("ecosystem", "Maven").put("name", "org.apache.logging.log4j:log4j-core");
        ArrayNode events = affected.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
        events.addObject().put("introduced", "2.0-beta9");
        events.addObject().put("fixed", "2.15.0");
        return record.toString();
    }

    static String maliciousAdvisory() {
        ObjectNode record = JSON.createObjectNode().put("schema_version", "1.6.0").put("id", MAL)
                .put("modified", "2026-02-01T00:00:00Z").put("summary", "Malicious code in evil-pkg (npm)");
        ObjectNode affected = record.putArray("affected").addObject();
        affected.putObject("package").put("ecosystem", "npm").put("name", "evil-pkg");
        affected.putArray("versions").add("1.0.0");
        return record.toString();
    }

    /** An OpenVEX document: {@code product} is not affected by {@code vulnerability} in {@code subcomponent}. */
    static String vex(String id, String vulnerability, String product, String subcomponent, String justification) {
        ObjectNode vex = JSON.createObjectNode().put("@context", "https://openvex.dev/ns/v0.2.0")
                .put("@id", "https://acme.example/vex/" + id).put("author", "Acme security")
                .put("timestamp", "2026-03-01T00:00:00Z").put("version", 1);
        ObjectNode statement = vex.putArray("statements").addObject();
        statement.putObject("vulnerability").put("name", vulnerability);
        statement.putArray("products").addObject().put("@id", product).putArray("subcomponents").addObject()
                .put("@id", subcomponent);
        statement.put("status", "not_affected").put("justification", justification);
        return vex.toString();
    }
}
