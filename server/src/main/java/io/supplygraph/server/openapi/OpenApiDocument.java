package io.supplygraph.server.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.server.api.Endpoint;
import io.supplygraph.server.api.Endpoint.Access;
import io.supplygraph.server.api.Endpoint.Param;
import io.supplygraph.server.api.Endpoint.Response;
import io.supplygraph.server.http.Problems;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The OpenAPI 3.1 description of the server's routes, built from the very endpoints the server registers. */
public final class OpenApiDocument {

    private static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(400, "an invalid parameter (a purl that does not parse, an unknown severity)"),
            Map.entry(401, "no token, or one that is unknown or revoked"),
            Map.entry(403, "a token whose scope does not allow this"),
            Map.entry(404, "an unknown digest, id or route"),
            Map.entry(409, "a digest prefix that starts several digests"),
            Map.entry(413, "an upload over the size limit"),
            Map.entry(415, "not a document Supplygraph ingests"),
            Map.entry(422, "a document that does not read (malformed, truncated, over a limit)"),
            Map.entry(500, "the server failed"),
            Map.entry(503, "the database does not answer, or the ingest queue is full: see Retry-After"));

    private OpenApiDocument() {}

    public static ObjectNode build(List<Endpoint> endpoints, ObjectMapper json, String version) {
        Schemas schemas = new Schemas(json);
        ObjectNode root = json.createObjectNode();
        root.put("openapi", "3.1.0");
        root.putObject("info").put("title", "Supplygraph").put("version", version)
                .put("description", "A software-supply-chain knowledge graph: SBOMs, attestations, VEX and advisories"
                        + " in one graph. List answers are {items, total}; errors are RFC 9457"
                        + " problem details.");
        ObjectNode paths = root.putObject("paths");
        for (Endpoint endpoint : endpoints) {
            ObjectNode path = paths.has(endpoint.path()) ? (ObjectNode) paths.get(endpoint.path())
                    : paths.putObject(endpoint.path());
            path.set(endpoint.method().name().toLowerCase(Locale.ROOT), operation(endpoint, schemas, json));
        }
        ObjectNode components = root.putObject("components");
        ObjectNode schemaNodes = components.putObject("schemas");
        schemas.components().forEach(schemaNodes::set);
        schemaNodes.set("Problem", problem(json));
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer")
                .put("description", "a token from 'supplygraph token create'");
        return root;
    }

    private static ObjectNode operation(Endpoint endpoint, Schemas schemas, ObjectMapper json) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", endpoint.operationId());
        operation.put("summary", endpoint.summary());
        if (endpoint.access() != Access.PUBLIC) {
            operation.putArray("security").addObject().putArray("bearer");
            operation.put("description", endpoint.access() == Access.WRITE ? "Needs a token with scope write."
                    : "Needs a token with scope read, unless the server allows anonymous reads.");
        }
        if (!endpoint.params().isEmpty()) {
            ArrayNode parameters = operation.putArray("parameters");
            for (Param param : endpoint.params()) {
                ObjectNode p = parameters.addObject();
                p.put("name", param.name()).put("in", param.inPath() ? "path" : "query")
                        .put("required", param.required()).put("description", param.description());
                p.putObject("schema").put("type", param.type());
            }
        }
        if (endpoint.body() != null) {
            ObjectNode body = operation.putObject("requestBody").put("required", true)
                    .put("description", endpoint.body().description());
            ObjectNode content = body.putObject("content");
            for (String mediaType : endpoint.body().mediaTypes()) {
                content.putObject(mediaType).putObject("schema").put("type", "string").put("format", "binary");
            }
        }
        ObjectNode responses = operation.putObject("responses");
        for (Response response : endpoint.responses()) {
            ObjectNode r = responses.putObject(Integer.toString(response.status()));
            r.put("description", response.description());
            if (response.type() != null) {
                ObjectNode schema = response.list() ? listing(schemas.of(response.type()), json)
                        : schemas.of(response.type());
                r.putObject("content").putObject("application/json").set("schema", schema);
            }
        }
        TreeSet<Integer> errors = new TreeSet<>(endpoint.errors());
        errors.add(500);
        errors.add(503);
        if (endpoint.access() != Access.PUBLIC) {
            errors.add(401);
            errors.add(403);
        }
        for (int status : errors) {
            responses.putObject(Integer.toString(status)).put("description", ERRORS.get(status))
                    .putObject("content").putObject(Problems.MEDIA_TYPE).putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        }
        return operation;
    }

    private static ObjectNode listing(ObjectNode item, ObjectMapper json) {
        ObjectNode listing = json.createObjectNode().put("type", "object");
        listing.putArray("required").add("items").add("total");
        ObjectNode properties = listing.putObject("properties");
        properties.putObject("items").put("type", "array").set("items", item);
        properties.putObject("total").put("type", "integer").put("description", "items in the whole list");
        listing.put("additionalProperties", false);
        return listing;
    }

    private static ObjectNode problem(ObjectMapper json) {
        ObjectNode problem = json.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem details");
        problem.putArray("required").add("type").add("title").add("status").add("detail");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string");
        properties.putObject("instance").put("type", "string");
        return problem;
    }
}
