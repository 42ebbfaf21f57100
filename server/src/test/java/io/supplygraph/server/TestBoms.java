package io.supplygraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * CycloneDX JSON SBOMs and OSV records written by the tests, so that every expected answer follows from the test's
 * own lines: an application (the subject), its components, and who depends on whom.
 */
final class TestBoms {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int POOL = 50;

    private final String subject;
    private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

    private TestBoms(String subject) {
        this.subject = subject;
    }

    static TestBoms application(String subjectPurl) {
        return new TestBoms(subjectPurl);
    }

    /**
     * The {@code index}th application of a family, with {@code components} components drawn from one pool of
     * {@value #POOL} library versions the whole family shares: distinct documents that meet the same packages, as a
     * real portfolio's do.
     */
    static String generated(String family, int index, int components) {
        String subject = "pkg:generic/acme/" + family + "-" + index + "@1.0";
        return application(subject).depends(subject, libraries(index, components).toArray(String[]::new)).json();
    }

    /** The components of the {@code index}th generated application: distinct purls, neighbours overlapping. */
    static List<String> libraries(int index, int components) {
        if (components > POOL) {
            throw new IllegalArgumentException("a document lists each pool entry at most once");
        }
        List<String> libraries = new java.util.ArrayList<>();
        for (int j = 0; j < components; j++) {
            int k = (index * 7 + j) % POOL;
            libraries.add("pkg:maven/org.example/lib-" + k + "@1." + k % 3);
        }
        return libraries;
    }

    /** A zip archive of these entries (name to content), in their order. */
    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The digest the graph gives a document: the SHA-256 of its bytes. */
    static String digest(String document) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(document.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
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
