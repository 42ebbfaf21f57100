package io.supplygraph.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.analysis.view.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A SARIF 2.1.0 log of one run, as GitHub code scanning takes it: rules with help text and a
 * {@code security-severity}, results each with the package as a logical location and the SBOM it is in as the
 * artifact (an SBOM is what a repository holds, not the package's source), and a {@code partialFingerprints} entry
 * that depends only on the rule, the package and the SBOM, so that the same result keeps its alert across runs.
 */
public final class Sarif {

    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final String FINGERPRINT = "supplygraph/v1";

    /** SARIF's levels of a result. */
    public enum Level {
        ERROR,
        WARNING,
        NOTE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Critical and high findings are errors, medium ones warnings, the rest notes. */
        public static Level of(Severity severity) {
            return severity == null ? NOTE : switch (severity) {
                case CRITICAL, HIGH -> ERROR;
                case MEDIUM -> WARNING;
                default -> NOTE;
            };
        }
    }

    /**
     * @param securitySeverity 0.0 to 10.0, GitHub's severity of a security alert; null for a rule that is no
     *                         security rating
     */
    public record Rule(String id, String shortText, String fullText, String helpText, String helpUri, Level level,
            Double securitySeverity, List<String> tags) {}

    /**
     * @param purl        the package: the result's logical location
     * @param document    the SBOM it was found in: the artifact location; see {@link #artifactUri}
     * @param suppression why it is accepted (a policy waiver's reason), or null: a suppressed result is reported,
     *                    and code scanning shows it dismissed
     */
    public record Result(String ruleId, Level level, String message, String purl, Artifact document,
            String suppression) {}

    /** An SBOM document: its digest, and where it was ingested from (a path, when it was a file). */
    public record Artifact(String digest, String source) {}

    private final String toolVersion;
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final List<Result> results = new java.util.ArrayList<>();

    public Sarif(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /** Adds the rule unless one of its id is there already (the first one stays). */
    public Sarif rule(Rule rule) {
        rules.putIfAbsent(rule.id(), rule);
        return this;
    }

    public Sarif result(Result result) {
        if (!rules.containsKey(result.ruleId())) {
            throw new IllegalArgumentException("a result of an undeclared rule: " + result.ruleId());
        }
        results.add(result);
        return this;
    }

    public JsonNode log() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode log = f.objectNode().put("$schema", SCHEMA).put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "supplygraph");
        if (toolVersion != null) {
            driver.put("semanticVersion", toolVersion);
        }
        ArrayNode ruleNodes = driver.putArray("rules");
        List<String> ids = List.copyOf(rules.keySet());
        rules.values().forEach(r -> ruleNodes.add(ruleNode(r)));
        ArrayNode resultNodes = run.putArray("results");
        for (Result r : results) {
            resultNodes.add(resultNode(r, ids.indexOf(r.ruleId())));
        }
        return log;
    }

    private static ObjectNode ruleNode(Rule r) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("id", r.id());
        node.putObject("shortDescription").put("text", r.shortText());
        node.putObject("fullDescription").put("text", r.fullText());
        node.putObject("help").put("text", r.helpText());
        if (r.helpUri() != null) {
            node.put("helpUri", r.helpUri());
        }
        node.putObject("defaultConfiguration").put("level", r.level().label());
        ObjectNode properties = node.putObject("properties");
        if (r.securitySeverity() != null) {
            properties.put("security-severity", String.format(Locale.ROOT, "%.1f", r.securitySeverity()));
        }
        ArrayNode tags = properties.putArray("tags");
        r.tags().forEach(tags::add);
        return node;
    }

    private static ObjectNode resultNode(Result r, int ruleIndex) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("ruleId", r.ruleId()).put("ruleIndex", ruleIndex)
                .put("level", r.level().label());
        node.putObject("message").put("text", r.message());
        ObjectNode location = node.putArray("locations").addObject();
        ObjectNode physical = location.putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", artifactUri(r.document()));
        // GitHub places an alert on a line; an SBOM's finding has none of its own, so the first
        physical.putObject("region").put("startLine", 1);
        if (r.purl() != null) {
            location.putArray("logicalLocations").addObject().put("fullyQualifiedName", r.purl())
                    .put("kind", "package");
        }
        node.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(r));
        if (r.suppression() != null) {
            node.putArray("suppressions").addObject().put("kind", "external").put("justification", r.suppression());
        }
        return node;
    }

    /**
     * The SBOM as the repository has it: the path it was ingested from, when that was a relative path (as a CI job
     * ingests its build's SBOM), else its digest ({@code sha256:...}), which still names it exactly.
     */
    static String artifactUri(Artifact document) {
        String source = document.source();
        if (source != null && !source.equals("-") && !source.startsWith("/") && !source.contains(":")
                && !source.contains("..")) {
            try {
                return new URI(null, null, source.replace('\\', '/'), null).toASCIIString();
            } catch (URISyntaxException e) {
                return document.digest();
            }
        }
        return document.digest();
    }

    private static String fingerprint(Result r) {
        String key = r.ruleId() + "\n" + r.purl() + "\n" + r.document().digest();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
