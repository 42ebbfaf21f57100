package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexJson.array;
import static io.supplygraph.ingest.vex.VexJson.first;
import static io.supplygraph.ingest.vex.VexJson.text;
import static io.supplygraph.ingest.vex.VexJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.VexFacts.Statement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CSAF 2.0 (VEX profile, and any other category that states product status). Every product id in a
 * vulnerability's {@code product_status} becomes a statement about the package version that id resolves to in the
 * product tree (see {@link CsafProducts}). Its justification is the {@code flags[].label}, its impact the
 * {@code threats[]} of category impact, its action the first {@code remediations[]} entry, each applying to the
 * product directly or through a product group. The statement's time is the document's
 * {@code tracking.current_release_date}: a CSAF document is revised as a whole.
 */
public final class CsafReader implements DocumentReader {

    /** product_status lists onto the four VEX statuses; {@code recommended} states no status and is not read. */
    private static final Map<String, Status> STATUS_LISTS = statusLists();

    private static Map<String, Status> statusLists() {
        Map<String, Status> lists = new LinkedHashMap<>();
        lists.put("known_not_affected", Status.NOT_AFFECTED);
        lists.put("known_affected", Status.AFFECTED);
        lists.put("first_affected", Status.AFFECTED);
        lists.put("last_affected", Status.AFFECTED);
        lists.put("fixed", Status.FIXED);
        lists.put("first_fixed", Status.FIXED);
        lists.put("under_investigation", Status.UNDER_INVESTIGATION);
        return lists;
    }

    @Override
    public VexFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        JsonNode root = VexTrees.read(in, "a CSAF document");
        JsonNode document = root.get("document");
        if (document == null || !document.isObject()) {
            throw new DocumentRejectedException("not a CSAF document: it has no document object");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode tracking = document.get("tracking");
        Instant time = VexJson.timestamp(text(tracking, "current_release_date"), "tracking.current_release_date",
                warnings::add);
        CsafProducts products = new CsafProducts(root.get("product_tree"), warnings::add);
        List<Statement> statements = new ArrayList<>();
        int index = 0;
        for (JsonNode v : array(root, "vulnerabilities")) {
            index++;
            List<String> ids = new ArrayList<>();
            for (JsonNode id : array(v, "ids")) {
                String text = text(id, "text");
                if (text != null && !ids.contains(text)) {
                    ids.add(text);
                }
            }
            String id = first(text(v, "cve"), ids.isEmpty() ? null : ids.get(0));
            if (id == null) {
                warnings.add("vulnerability " + index + " has neither cve nor ids; skipped");
                continue;
            }
            ids.remove(id);
            Notes notes = new Notes(v, products);
            for (Map.Entry<String, Status> list : STATUS_LISTS.entrySet()) {
                for (String productId : texts(v.get("product_status"), list.getKey())) {
                    for (CsafProducts.Target t : products.resolve(productId)) {
                        statements.add(new Statement(id, ids, t.pkg(), t.product(), t.productLabel(),
                                list.getValue(), notes.justification.get(productId), notes.impact.get(productId),
                                notes.action.get(productId), time));
                    }
                }
            }
        }
        return new VexFacts(text(document, "csaf_version"), text(tracking, "id"), statements, warnings);
    }

    /** A vulnerability's flags, impact threats and remediations, by the product ids they apply to. */
    private static final class Notes {
        final Map<String, String> justification = new HashMap<>();
        final Map<String, String> impact = new HashMap<>();
        final Map<String, String> action = new HashMap<>();

        Notes(JsonNode vulnerability, CsafProducts products) {
            for (JsonNode flag : array(vulnerability, "flags")) {
                put(justification, text(flag, "label"), flag, products);
            }
            for (JsonNode threat : array(vulnerability, "threats")) {
                if ("impact".equals(text(threat, "category"))) {
                    put(impact, text(threat, "details"), threat, products);
                }
            }
            for (JsonNode remediation : array(vulnerability, "remediations")) {
                put(action, text(remediation, "details"), remediation, products);
            }
        }

        private static void put(Map<String, String> byProduct, String value, JsonNode entry, CsafProducts products) {
            if (value == null) {
                return;
            }
            Set<String> ids = products.expand(texts(entry, "product_ids"), texts(entry, "group_ids"));
            for (String id : ids) {
                byProduct.putIfAbsent(id, value);
            }
        }
    }
}
