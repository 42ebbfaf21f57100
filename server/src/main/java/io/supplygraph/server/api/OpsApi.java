package io.supplygraph.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.server.GraphAccess;
import io.supplygraph.server.api.Endpoint.Access;
import io.supplygraph.server.ops.Metrics;
import java.util.List;
import java.util.function.Supplier;

/** What operators and tools ask of the server itself: liveness, readiness, metrics and the API's description. */
final class OpsApi {

    /** A health answer. */
    record Health(String status) {}

    private final GraphAccess graph;
    private final Metrics metrics;
    private final Supplier<ObjectNode> openApi;

    OpsApi(GraphAccess graph, Metrics metrics, Supplier<ObjectNode> openApi) {
        this.graph = graph;
        this.metrics = metrics;
        this.openApi = openApi;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/health", "health", "Liveness: the server is running")
                        .access(Access.PUBLIC)
                        .returns(200, Health.class, "up")
                        .handle(ctx -> ctx.json(new Health("up"))),
                Endpoint.get("/ready", "ready", "Readiness: the database answers and its schema is current")
                        .access(Access.PUBLIC)
                        .returns(200, Health.class, "ready")
                        .handle(ctx -> {
                            graph.read(g -> {
                                g.ping();
                                return null;
                            });
                            ctx.json(new Health("ready"));
                        }),
                Endpoint.get("/metrics", "metrics", "Metrics in Prometheus' text format")
                        .returns(200, null, "the metrics, text/plain; version=0.0.4")
                        .handle(ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                                .result(metrics.scrape())),
                Endpoint.get("/api/v1/openapi.json", "openApi", "This API's OpenAPI 3.1 description")
                        .access(Access.PUBLIC)
                        .returns(200, null, "the OpenAPI document")
                        .handle(ctx -> ctx.json(openApi.get())));
    }
}
