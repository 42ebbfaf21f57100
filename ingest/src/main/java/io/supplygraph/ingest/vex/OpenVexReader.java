package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexJson.array;
import static io.supplygraph.ingest.vex.VexJson.first;
import static io.supplygraph.ingest.vex.VexJson.text;
import static io.supplygraph.ingest.vex.VexJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenVEX v0.0.1 and v0.2.0. A statement is made for each product, and for each of a product's subcomponents
 * (scoped to the product); v0.0.1 lists subcomponents beside the products, v0.2.0 inside each one. Products and
 * subcomponents are identified by {@code identifiers.purl}, else by an {@code @id} that is a purl. The time of a
 * statement is its {@code last_updated}, else its {@code timestamp}, else the document's.
 */
public final class OpenVexReader implements DocumentReader {

    private static final String CONTEXT = "https://openvex.dev/ns";

    @Override
    public VexFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        JsonNode root = VexTrees.read(in, "an OpenVEX document");
        List<String> warnings = new ArrayList<>();
        Instant documentTime = VexJson.timestamp(first(text(root, "last_updated"), text(root, "timestamp")),
                "document timestamp", warnings::add);
        List<Statement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode s : array(root, "statements")) {
            read(s, ++index, documentTime, statements, warnings);
        }
        return new VexFacts(specVersion(text(root, "@context")), text(root, "@id"), statements, warnings);
    }

    /** {@code https://openvex.dev/ns/v0.2.0} says 0.2.0; the bare namespace was v0.0.1's. */
    private static String specVersion(String context) {
        if (context == null || !context.startsWith(CONTEXT)) {
            return null;
        }
        String rest = context.substring(CONTEXT.length());
        return rest.startsWith("/v") ? rest.substring(2) : "0.0.1";
    }

    private static void read(JsonNode s, int index, Instant documentTime, List<Statement> out, List<String> warnings) {
        String where = "statement " + index;
        JsonNode vulnerability = s.get("vulnerability");
        String id = vulnerability != null && vulnerability.isObject()
                ? first(text(vulnerability, "name"), text(vulnerability, "@id")) : text(s, "vulnerability");
        List<String> aliases = vulnerability != null && vulnerability.isObject() ? texts(vulnerability, "aliases")
                : List.of();
        Status status = Status.fromLabel(text(s, "status")).orElse(null);
        if (id == null || status == null) {
            warnings.add(where + ": " + (id == null ? "no vulnerability" : "unknown status '" + text(s, "status") + "'")
                    + "; skipped");
            return;
        }
        Instant time = first(VexJson.timestamp(first(text(s, "last_updated"), text(s, "timestamp")), where,
                warnings::add), documentTime);
        List<PackageIdentity> sharedSubcomponents = identities(array(s, "subcomponents"), where, warnings);
        for (JsonNode product : array(s, "products")) {
            PackageIdentity productId = identity(product, where, warnings);
            List<PackageIdentity> subcomponents = new ArrayList<>(sharedSubcomponents);
            subcomponents.addAll(identities(array(product, "subcomponents"), where, warnings));
            String label = product.isObject() ? text(product, "@id") : product.asText();
            if (subcomponents.isEmpty()) {
                if (productId == null) {
                    warnings.add(where + ": product '" + label + "' has no purl; skipped");
                } else {
                    out.add(statement(s, id, aliases, productId, null, null, status, time));
                }
            }
            for (PackageIdentity sub : subcomponents) {
                out.add(statement(s, id, aliases, sub, productId, productId == null ? label : null, status, time));
            }
        }
    }

    private static Statement statement(JsonNode s, String id, List<String> aliases, PackageIdentity pkg,
            PackageIdentity product, String productLabel, Status status, Instant time) {
        return new Statement(id, aliases, pkg, product, productLabel, status, text(s, "justification"),
                text(s, "impact_statement"), text(s, "action_statement"), time);
    }

    private static List<PackageIdentity> identities(Iterable<JsonNode> components, String where,
            List<String> warnings) {
        List<PackageIdentity> identities = new ArrayList<>();
        for (JsonNode c : components) {
            PackageIdentity identity = identity(c, where, warnings);
            if (identity != null) {
                identities.add(identity);
            } else {
                warnings.add(where + ": subcomponent '" + (c.isObject() ? text(c, "@id") : c.asText())
                        + "' has no purl; skipped");
            }
        }
        return identities;
    }

    /** A component written as a string, or as an object with identifiers.purl or a purl @id; null without a purl. */
    private static PackageIdentity identity(JsonNode component, String where, List<String> warnings) {
        String purl = component.isObject()
                ? first(text(component.get("identifiers"), "purl"), text(component, "@id")) : component.asText();
        if (purl == null || !PackageIdentity.looksLikePurl(purl)) {
            return null;
        }
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            warnings.add(where + ": " + e.getMessage());
            return null;
        }
    }
}
