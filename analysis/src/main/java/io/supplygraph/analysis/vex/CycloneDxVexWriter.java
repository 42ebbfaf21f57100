package io.supplygraph.analysis.vex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.vex.VexExport.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes {@link VexExport}'s statements for one application as a CycloneDX 1.6 VEX BOM: the application is the
 * BOM's subject ({@code metadata.component}), each package version a component, each statement a vulnerability
 * whose analysis {@code affects} them. OpenVEX statuses and justifications become CycloneDX's as CycloneDX's own
 * VEX guide pairs them; a justification already in CycloneDX's words (from a CycloneDX VEX) is kept.
 */
final class CycloneDxVexWriter {

    private CycloneDxVexWriter() {}

    static String write(Map<Statement, Map<String, Set<String>>> statements, Instant timestamp) {
        Set<String> products = new TreeSet<>();
        Set<String> packages = new TreeSet<>();
        statements.values().forEach(p -> {
            products.addAll(p.keySet());
            p.values().forEach(packages::addAll);
        });
        ArrayNode vulnerabilities = OpenVexWriter.JSON.createArrayNode();
        statements.forEach((s, byProduct) -> {
            ObjectNode v = vulnerabilities.addObject();
            v.put("id", s.vulnerability());
            if (!s.aliases().isEmpty()) {
                ArrayNode references = v.putArray("references");
                s.aliases().forEach(a -> references.addObject().put("id", a).putObject("source").put("name", "alias"));
            }
            OpenVexWriter.putIfPresent(v, "recommendation", s.action());
            ObjectNode analysis = v.putObject("analysis");
            analysis.put("state", state(s.status()));
            OpenVexWriter.putIfPresent(analysis, "justification", justification(s.justification()));
            OpenVexWriter.putIfPresent(analysis, "detail", s.impact());
            ArrayNode affects = v.putArray("affects");
            Set<String> refs = new TreeSet<>();
            byProduct.values().forEach(refs::addAll);
            refs.forEach(ref -> affects.addObject().put("ref", ref));
        });
        ObjectNode bom = OpenVexWriter.JSON.createObjectNode();
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        // the same statements give the same serial number, whenever they are exported
        bom.put("serialNumber", "urn:uuid:" + UUID.nameUUIDFromBytes(
                OpenVexWriter.sha256(vulnerabilities.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", timestamp.toString());
        metadata.putObject("tools").putArray("components").addObject().put("type", "application")
                .put("name", "supplygraph");
        String subject = products.isEmpty() ? null : products.iterator().next();
        if (subject != null) {
            metadata.set("component", component(subject, "application"));
        }
        ArrayNode components = bom.putArray("components");
        packages.stream().filter(p -> !p.equals(subject)).forEach(p -> components.add(component(p, "library")));
        bom.set("vulnerabilities", vulnerabilities);
        return bom.toPrettyString();
    }

    private static ObjectNode component(String purl, String type) {
        ObjectNode c = OpenVexWriter.JSON.createObjectNode();
        c.put("type", type);
        c.put("bom-ref", purl);
        c.put("name", purl);
        if (purl.startsWith("pkg:")) {
            c.put("purl", purl);
        }
        return c;
    }

    /** OpenVEX's statuses as CycloneDX analysis states (the inverse of how ingest reads them). */
    private static String state(String status) {
        return switch (status) {
            case "not_affected" -> "not_affected";
            case "fixed" -> "resolved";
            case "under_investigation" -> "in_triage";
            default -> "exploitable";
        };
    }

    /** OpenVEX justifications in CycloneDX's words; CycloneDX's own, and anything else, pass as they are. */
    private static String justification(String justification) {
        if (justification == null) {
            return null;
        }
        return switch (justification) {
            case "component_not_present", "vulnerable_code_not_present" -> "code_not_present";
            case "vulnerable_code_not_in_execute_path" -> "code_not_reachable";
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> "requires_environment";
            case "inline_mitigations_already_exist" -> "protected_by_mitigating_control";
            default -> justification;
        };
    }
}
