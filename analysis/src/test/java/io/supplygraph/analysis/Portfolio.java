package io.supplygraph.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes small CycloneDX JSON SBOMs for tests whose answers are known by construction: each test states the
 * graph it builds, so the expected blast radius, paths and drift follow from the test's own lines.
 */
final class Portfolio {

    private final Path folder;

    Portfolio(Path folder) {
        this.folder = folder;
    }

    Bom bom(String file, String subjectPurl) {
        return new Bom(folder.resolve(file), subjectPurl);
    }

    Path folder() {
        return folder;
    }

    static final class Bom {
        private final Path file;
        private final String subject;
        private String subjectDigest;
        private final Set<String> components = new LinkedHashSet<>();
        private final Map<String, String> digests = new LinkedHashMap<>();
        private final Map<String, List<String>> dependsOn = new LinkedHashMap<>();

        private Bom(Path file, String subject) {
            this.file = file;
            this.subject = subject;
        }

        /** The subject's artifact digest (sha256 hex), which joins it to a component with that digest elsewhere. */
        Bom subjectDigest(String sha256) {
            subjectDigest = sha256;
            return this;
        }

        Bom component(String purl) {
            components.add(purl);
            return this;
        }

        Bom component(String purl, String sha256) {
            digests.put(purl, sha256);
            return component(purl);
        }

        /** {@code from} depends on each of {@code to}; a purl not yet listed becomes a component. */
        Bom depends(String from, String... to) {
            for (String t : to) {
                if (!t.equals(subject)) {
                    components.add(t);
                }
                dependsOn.computeIfAbsent(from, f -> new ArrayList<>()).add(t);
            }
            if (!from.equals(subject)) {
                components.add(from);
            }
            return this;
        }

        Path write() {
            StringBuilder json = new StringBuilder();
            json.append("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"version\":1,\"metadata\":{\"component\":")
                    .append(componentJson(subject, subjectDigest)).append("},\"components\":[");
            String separator = "";
            for (String c : components) {
                json.append(separator).append(componentJson(c, digests.get(c)));
                separator = ",";
            }
            json.append("]");
            if (!dependsOn.isEmpty()) {
                json.append(",\"dependencies\":[");
                separator = "";
                for (Map.Entry<String, List<String>> e : dependsOn.entrySet()) {
                    json.append(separator).append("{\"ref\":").append(quote(e.getKey())).append(",\"dependsOn\":[");
                    json.append(String.join(",", e.getValue().stream().map(Portfolio::quote).toList())).append("]}");
                    separator = ",";
                }
                json.append("]");
            }
            json.append("}");
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return file;
        }

        private static String componentJson(String purl, String sha256) {
            String name = purl.substring(purl.lastIndexOf('/') + 1).replaceAll("[@?].*", "");
            return "{\"type\":\"library\",\"bom-ref\":" + quote(purl) + ",\"name\":" + quote(name) + ",\"purl\":"
                    + quote(purl) + (sha256 == null ? "" : ",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"" + sha256
                    + "\"}]") + "}";
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
