package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.supplygraph.model.fact.VexFacts;
import java.util.List;

/**
 * A VEX statement in force: the newest on its vulnerability, product and package. Sorted by vulnerability,
 * package, then product (none first), which together are unique.
 *
 * @param vulnerability the id the statement names
 * @param ids           that id and its aliases, upper-cased as they are compared, sorted
 * @param packagePurl   the package version it is about (without version: every version)
 * @param product       the product it is scoped to: a purl, or a name or CPE; null for none
 * @param timestamp     when the statement was made (ISO-8601), or null when its document did not say
 * @param document      the digest of the document that made it
 */
public record VexStatement(String vulnerability, List<String> ids, @JsonProperty("package") String packagePurl,
        String product, VexFacts.Status status, String justification, String impactStatement,
        String actionStatement, String timestamp, String document) {}
