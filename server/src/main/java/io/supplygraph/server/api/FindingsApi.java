package io.supplygraph.server.api;

import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Malicious;
import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.view.VexStatement;
import io.supplygraph.analysis.view.VulnReport;
import io.supplygraph.analysis.vulns.Vulns;
import io.supplygraph.server.GraphAccess;
import java.util.List;

/** What to worry about: findings with VEX applied, one vulnerability's blast radius, malicious packages, VEX. */
final class FindingsApi {

    private final GraphAccess graph;
    private final Answers answers;

    FindingsApi(GraphAccess graph, Answers answers) {
        this.graph = graph;
        this.answers = answers;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/api/v1/vulns", "listFindings",
                                "Findings: one per package version and vulnerability, malicious packages first, then"
                                        + " the most severe")
                        .query("doc", false, "string", "only what this document contains (a digest or its start)")
                        .query("purl", false, "string", "only this package (any version when the purl has none)")
                        .query("severity", false, "string", "at least this severity: low, medium, high or critical")
                        .query("all", false, "boolean", "also findings whose status is not affected")
                        .query("kev", false, "boolean", "only findings in CISA's Known Exploited Vulnerabilities catalog")
                        .query("order", false, "string", "severity (default), risk (severity weighted by KEV and"
                                + " EPSS) or epss; malicious packages first in each")
                        .listOf(Finding.class, "findings")
                        .errors(404, 409)
                        .handle(ctx -> {
                            String doc = ctx.queryParam("doc");
                            String purl = ctx.queryParam("purl");
                            if (doc != null && purl != null) {
                                throw new IllegalArgumentException("give doc or purl, not both");
                            }
                            String severity = ctx.queryParam("severity");
                            String order = ctx.queryParam("order");
                            Vulns.Query query = new Vulns.Query(doc, purl,
                                    severity == null || severity.isBlank() ? null : Severity.parse(severity),
                                    Answers.flag(ctx, "all"),
                                    order == null || order.isBlank() ? Vulns.Sort.SEVERITY : Vulns.Sort.parse(order),
                                    Answers.flag(ctx, "kev"));
                            answers.list(ctx, () -> graph.read(g -> g.vulns(query)));
                        }),
                Endpoint.get("/api/v1/vulns/{id}", "showVulnerability",
                                "One vulnerability by any of its ids or aliases: its advisories, the package versions"
                                        + " it affects, and every application affected, with a path")
                        .pathParam("id", "CVE, GHSA, PYSEC, GO, RUSTSEC, MAL... id or alias")
                        .query("latest", false, "boolean", "only each application's newest release")
                        .returns(200, VulnReport.class, "the vulnerability")
                        .errors(404)
                        .handle(ctx -> answers.one(ctx, graph.read(g -> g.vuln(ctx.pathParam("id"),
                                Answers.flag(ctx, "latest"))))),
                Endpoint.get("/api/v1/malicious", "listMalicious",
                                "Every malicious package present and the releases of applications containing it")
                        .query("latest", false, "boolean", "only each application's newest release")
                        .listOf(Malicious.class, "malicious packages")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(g -> g.malicious(
                                Answers.flag(ctx, "latest"))))),
                Endpoint.get("/api/v1/vex", "listVexStatements",
                                "The VEX statements in force: the newest per vulnerability, product and package")
                        .query("purl", false, "string", "only statements on this package")
                        .query("vuln", false, "string", "only statements on this vulnerability (any id or alias)")
                        .listOf(VexStatement.class, "statements")
                        .handle(ctx -> answers.list(ctx, () -> graph.read(
                                g -> g.vex(ctx.queryParam("purl"), ctx.queryParam("vuln"))))));
    }
}
