package io.supplygraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CycloneDX JSON SBOMs and OSV records written by the tests, so that every expected answer follows from the test's
 * own lines: an application (the subject), its components, and who depends on whom.
 */
final class TestBoms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String subject;
    private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

    private TestBoms(String subject) {
        this.subject = subject;
    }

    static TestBoms application(String subjectPurl) {
        return new TestBoms(subjectPurl);
    }

    /** {@code from} depends on each of {@code to}; every purl named becomes a component. */
    TestBoms depends(String from, String... to) {
        dependsOn.computeIfAbsent(from, k -> new java.util.ArrayList<>()).addAll(List.of(to));
        for (String t : to) {
            dependsOn.computeIfAbsent(t, k -> new java.util.ArrayList<>());
        }
        return this;
    }

    String json() {
        ObjectNode bom = JSON.createObjectNode();
        bom.put("bomFormat", "CycloneDX").put("specVersion", "1.5").put("version", 1);
        bom.putObject("metadata").set("component", component(subject));
        ArrayNode components = bom.putArray("components");
        ArrayNode dependencies = bom.putArray("dependencies");
        for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
            if (!e.getKey().equals(subject)) {
                components.add(component(e.getKey()));
            }
            ArrayNode on = dependencies.addObject().put("ref", e.getKey()).putArray("dependsOn");
            e.getValue().forEach(on::add);
        }
        return bom.toString();
    }

    private static ObjectNode component(String purl) {
        String nameAndVersion = purl.substring(purl.lastIndexOf('/') + 1);
        int at = nameAndVersion.indexOf('@');
        return JSON.createObjectNode().put("type", "library").put("bom-ref", purl)
                .put("name", at < 0 ? nameAndVersion : nameAndVersion.substring(0, at))
                .put("version", at < 0 ? "" : nameAndVersion.substring(at + 1)).put("purl", purl);
    }

    /** An OSV record: {@code id} affects Maven {@code groupArtifact} from {@code introduced} until {@code fixed}. */
    static String osvMaven(String id, String groupArtifact, String introduced, String fixed, String cvssV3) {
        ObjectNode record = JSON.createObjectNode();
        record.put("schema_version", "1.6.0").put("id", id).put("modified", "2026-01-01T00:00:00Z")
                .put("summary", "test advisory " + id);
        if (cvssV3 != null) {
            record.putArray("severity").addObject().put("type", "CVSS_V3").put("score", cvssV3);
        }
        ObjectNode affected = record.putArray("affected").addObject();
        affected.putObject("package").put("ecosystem", "Maven").put("name", groupArtifact);
        ArrayNode events = affected.putArray("ranges").addObject().put("type", "ECOSYSTEM").putArray("events");
        events.addObject().put("introduced", introduced);
        events.addObject().put("fixed", fixed);
        return record.toString();
    }
}
