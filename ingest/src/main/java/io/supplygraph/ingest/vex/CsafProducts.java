package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexJson.array;
import static io.supplygraph.ingest.vex.VexJson.text;
import static io.supplygraph.ingest.vex.VexJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A CSAF product tree, resolved to package versions. A product with
 * {@code product_identification_helper.purl} is that purl; one without is {@code pkg:generic/NAME@VERSION} from
 * the nearest {@code product_name} and {@code product_version} branches above it (or its own name), the identity
 * SBOM components without purl get too, and its CPE is kept as its label. A relationship ({@code
 * default_component_of}, {@code installed_on}, ...) names a component inside a platform: its statements are about
 * the component, scoped to the platform when the platform has a purl; a platform known only by name or CPE (an
 * operating system release, typically) cannot be checked against an SBOM, so the statement then holds for the
 * component wherever it is found.
 */
final class CsafProducts {

    /** A package version a product id stands for, and the product it is inside, if any. */
    record Target(PackageIdentity pkg, PackageIdentity product, String productLabel) {}

    private record Product(PackageIdentity identity, boolean synthetic, String label) {}

    private record Relationship(String component, String platform) {}

    private final Map<String, Product> products = new HashMap<>();
    private final Map<String, Relationship> relationships = new HashMap<>();
    private final Map<String, List<String>> groups = new HashMap<>();
    private final Consumer<String> warnings;

    CsafProducts(JsonNode tree, Consumer<String> warnings) {
        this.warnings = warnings;
        if (tree == null) {
            return;
        }
        branches(tree, null, null, 0);
        for (JsonNode p : array(tree, "full_product_names")) {
            product(p, null, null);
        }
        for (JsonNode r : array(tree, "relationships")) {
            String id = text(r.get("full_product_name"), "product_id");
            String component = text(r, "product_reference");
            String platform = text(r, "relates_to_product_reference");
            if (id != null && component != null && platform != null) {
                relationships.put(id, new Relationship(component, platform));
            }
        }
        for (JsonNode g : array(tree, "product_groups")) {
            String id = text(g, "group_id");
            if (id != null) {
                groups.put(id, texts(g, "product_ids"));
            }
        }
    }

    /** Branches nest as deep as the vendor likes; a product takes its name and version from the nearest above it. */
    private void branches(JsonNode node, String productName, String productVersion, int depth) {
        if (depth > 30) {
            warnings.accept("product_tree branches nested deeper than 30 levels are not read");
            return;
        }
        for (JsonNode b : array(node, "branches")) {
            String category = text(b, "category");
            String name = "product_name".equals(category) ? text(b, "name") : productName;
            String version = "product_version".equals(category) ? text(b, "name") : productVersion;
            if (b.has("product")) {
                product(b.get("product"), name, version);
            }
            branches(b, name, version, depth + 1);
        }
    }

    private void product(JsonNode p, String branchName, String branchVersion) {
        String id = text(p, "product_id");
        if (id == null) {
            return;
        }
        JsonNode helper = p.get("product_identification_helper");
        String cpe = text(helper, "cpe");
        String label = cpe != null ? cpe : text(p, "name");
        String purl = text(helper, "purl");
        if (purl != null) {
            try {
                products.put(id, new Product(PackageIdentity.fromPurl(purl), false, label));
                return;
            } catch (InvalidPurlException e) {
                warnings.accept("product " + id + ": " + e.getMessage() + "; identified by name instead");
            }
        }
        String name = branchName != null ? branchName : text(p, "name");
        String version = branchName != null ? branchVersion : null;
        products.put(id, new Product(PackageIdentity.synthetic(name, version), true, label));
    }

    /** Product ids, with every product of the given groups added. */
    Set<String> expand(List<String> productIds, List<String> groupIds) {
        Set<String> ids = new LinkedHashSet<>(productIds);
        for (String g : groupIds) {
            ids.addAll(groups.getOrDefault(g, List.of()));
        }
        return ids;
    }

    /** What a product id stands for; empty (with a warning) when the tree does not define it. */
    List<Target> resolve(String productId) {
        Relationship r = relationships.get(productId);
        if (r != null) {
            Product component = base(r.component());
            Product platform = base(r.platform());
            if (component == null || platform == null) {
                warnings.accept("relationship " + productId + " names a product the tree does not define; skipped");
                return List.of();
            }
            return platform.synthetic()
                    ? List.of(new Target(component.identity(), null, platform.label()))
                    : List.of(new Target(component.identity(), platform.identity(), platform.label()));
        }
        Product p = products.get(productId);
        if (p == null) {
            warnings.accept("product " + productId + " is not defined in the product tree; skipped");
            return List.of();
        }
        return List.of(new Target(p.identity(), null, p.label()));
    }

    /** A product id that is itself a relationship stands, as a component or platform, for its component. */
    private Product base(String productId) {
        Product p = products.get(productId);
        if (p != null) {
            return p;
        }
        Relationship r = relationships.get(productId);
        return r == null || r.component().equals(productId) ? null : products.get(r.component());
    }
}
