package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.PortfolioAnswers;
import io.supplygraph.server.ops.Metrics;
import io.supplygraph.server.openapi.OpenApiDocument;
import io.supplygraph.server.upload.Uploads;
import java.util.ArrayList;
import java.util.List;

/** Every endpoint of the server, in one list: what the server registers and what its OpenAPI document describes. */
public final class Api {

    private final List<Endpoint> endpoints = new ArrayList<>();
    private final ObjectNode openApi;

    public Api(GraphAccess graph, PortfolioAnswers portfolio, Uploads uploads, Metrics metrics, ObjectMapper json,
            String version) {
        Answers answers = new Answers(json);
        endpoints.addAll(new DocumentsApi(graph, answers, uploads).endpoints());
        endpoints.addAll(new GraphApi(graph, answers).endpoints());
        endpoints.addAll(new FindingsApi(graph, answers).endpoints());
        endpoints.addAll(new FixApi(graph, portfolio, answers).endpoints());
        endpoints.addAll(new ProvenanceApi(graph, answers).endpoints());
        endpoints.addAll(new PortfolioApi(graph, portfolio, answers).endpoints());
        endpoints.addAll(new ReportsApi(graph, answers).endpoints());
        endpoints.addAll(new VersionsApi(answers).endpoints());
        endpoints.addAll(new OpsApi(graph, metrics, this::openApi).endpoints());
        this.openApi = OpenApiDocument.build(endpoints, json, version);
    }

    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public ObjectNode openApi() {
        return openApi;
    }
}
