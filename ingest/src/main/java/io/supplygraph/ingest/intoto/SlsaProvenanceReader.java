package io.supplygraph.ingest.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.model.Digest;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.model.fact.ProvenanceFacts.Material;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a SLSA provenance predicate (v0.1, v0.2 or v1) into one shape. Where each version keeps each thing:
 *
 * <table>
 * <tr><th>fact</th><th>v0.1</th><th>v0.2</th><th>v1</th></tr>
 * <tr><td>builder</td><td>builder.id</td><td>builder.id</td><td>runDetails.builder.id</td></tr>
 * <tr><td>build type</td><td>recipe.type</td><td>buildType</td><td>buildDefinition.buildType</td></tr>
 * <tr><td>parameters</td><td>recipe.arguments</td><td>invocation.parameters</td>
 *     <td>buildDefinition.externalParameters</td></tr>
 * <tr><td>materials</td><td>materials</td><td>materials</td><td>buildDefinition.resolvedDependencies</td></tr>
 * <tr><td>times, id</td><td colspan="2">metadata.buildStartedOn, buildFinishedOn, buildInvocationId</td>
 *     <td>runDetails.metadata.startedOn, finishedOn, invocationId</td></tr>
 * <tr><td>source</td><td>the material recipe.definedInMaterial points at</td><td>invocation.configSource</td>
 *     <td>(none named)</td></tr>
 * </table>
 *
 * When the version names no source, or its pointer is missing, the source is the first material that is a source
 * checkout: a {@code git+} or {@code git://} URI, a {@code gitCommit} digest, or a web URL of a commit.
 */
final class SlsaProvenanceReader {

    private static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v";
    /** Build parameters are usually a few hundred bytes; a document can put anything there, which we do not keep. */
    static final int MAX_PARAMETERS_CHARS = 64 * 1024;

    private final String version;
    private final List<String> warnings;

    SlsaProvenanceReader(String version, List<String> warnings) {
        this.version = version;
        this.warnings = warnings;
    }

    /** {@code 0.1}, {@code 0.2} or {@code 1} for a SLSA provenance predicate type, else null. */
    static String version(String predicateType) {
        if (!predicateType.startsWith(PREDICATE_TYPE)) {
            return null;
        }
        String v = predicateType.substring(PREDICATE_TYPE.length());
        return switch (v) {
            case "0.1", "0.2" -> v;
            case "1", "1.0", "1.1" -> "1";
            default -> null;
        };
    }

    ProvenanceFacts read(JsonNode predicate) {
        if (!predicate.isObject()) {
            warnings.add("the SLSA provenance predicate is not an object: no build facts");
            return new ProvenanceFacts(version, null, null, null, null, null, null, List.of(), null);
        }
        return "1".equals(version) ? readV1(predicate) : readV0(predicate);
    }

    private ProvenanceFacts readV0(JsonNode p) {
        boolean v01 = "0.1".equals(version);
        List<Material> materials = materials(Json.at(p, "materials"));
        SourceRepository source = v01 ? definedInMaterial(p, materials) : configSource(Json.at(p, "invocation", "configSource"));
        JsonNode parameters = v01 ? Json.at(p, "recipe", "arguments") : Json.at(p, "invocation", "parameters");
        return new ProvenanceFacts(version,
                Json.text(p, "builder", "id"),
                v01 ? Json.text(p, "recipe", "type") : Json.text(p, "buildType"),
                firstText(p, new String[] {"metadata", "buildInvocationId"}, new String[] {"metadata", "buildInvocationID"}),
                Json.text(p, "metadata", "buildStartedOn"),
                Json.text(p, "metadata", "buildFinishedOn"),
                source != null ? source : firstSource(materials),
                materials,
                parameters(parameters));
    }

    private ProvenanceFacts readV1(JsonNode p) {
        JsonNode definition = Json.at(p, "buildDefinition");
        JsonNode dependencies = Json.at(definition, "resolvedDependencies");
        if (dependencies == null) {
            // GUAC's own v1 example writes resolved_dependencies; producers that copied it exist
            dependencies = Json.at(definition, "resolved_dependencies");
        }
        List<Material> materials = materials(dependencies);
        return new ProvenanceFacts(version,
                Json.text(p, "runDetails", "builder", "id"),
                Json.text(definition, "buildType"),
                Json.text(p, "runDetails", "metadata", "invocationId"),
                Json.text(p, "runDetails", "metadata", "startedOn"),
                Json.text(p, "runDetails", "metadata", "finishedOn"),
                firstSource(materials),
                materials,
                parameters(Json.at(definition, "externalParameters")));
    }

    private List<Material> materials(JsonNode array) {
        List<Material> materials = new ArrayList<>();
        for (JsonNode m : Json.objects(array, "materials", warnings)) {
            String uri = Json.text(m, "uri");
            List<Digest> digests = StatementReader.digests(m.get("digest"), warnings);
            materials.add(new Material(uri, digests, isSourceCheckout(uri, digests) ? repository(uri, digests) : null));
        }
        return materials;
    }

    private static boolean isSourceCheckout(String uri, List<Digest> digests) {
        if (digests.stream().anyMatch(d -> d.algorithm().equals("gitcommit"))) {
            return true;
        }
        if (uri == null) {
            return false;
        }
        String u = uri.toLowerCase(Locale.ROOT);
        return u.startsWith("git+") || u.startsWith("git://") || u.contains("/commit/");
    }

    /** The repository at the commit its digest names (more precise than a ref in the URI), else at the URI's ref. */
    private static SourceRepository repository(String uri, List<Digest> digests) {
        Optional<SourceRepository> parsed = SourceRepository.parse(uri);
        if (parsed.isEmpty()) {
            return null;
        }
        for (String algorithm : new String[] {"gitcommit", "sha1"}) {
            for (Digest d : digests) {
                if (d.algorithm().equals(algorithm)) {
                    return new SourceRepository(parsed.get().url(), d.value());
                }
            }
        }
        return parsed.get();
    }

    private SourceRepository definedInMaterial(JsonNode p, List<Material> materials) {
        JsonNode index = Json.at(p, "recipe", "definedInMaterial");
        if (index == null || !index.canConvertToInt()) {
            return null;
        }
        int i = index.asInt();
        if (i < 0 || i >= materials.size()) {
            warnings.add("recipe.definedInMaterial is " + i + ", but there are " + materials.size() + " materials");
            return null;
        }
        Material m = materials.get(i);
        return m.repository() != null ? m.repository() : repository(m.uri(), m.digests());
    }

    private SourceRepository configSource(JsonNode configSource) {
        String uri = Json.text(configSource, "uri");
        return uri == null ? null : repository(uri, StatementReader.digests(Json.at(configSource, "digest"), warnings));
    }

    private static SourceRepository firstSource(List<Material> materials) {
        return materials.stream().map(Material::repository).filter(r -> r != null).findFirst().orElse(null);
    }

    private String parameters(JsonNode parameters) {
        if (parameters == null || parameters.isNull()) {
            return null;
        }
        String json = parameters.toString();
        if (json.length() > MAX_PARAMETERS_CHARS) {
            warnings.add("the build's parameters are " + json.length() + " characters long; not kept (limit "
                    + MAX_PARAMETERS_CHARS + ")");
            return null;
        }
        return json;
    }

    private static String firstText(JsonNode node, String[]... paths) {
        for (String[] path : paths) {
            String t = Json.text(node, path);
            if (t != null) {
                return t;
            }
        }
        return null;
    }
}
