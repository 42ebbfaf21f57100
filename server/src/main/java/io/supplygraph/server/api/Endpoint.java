package io.supplygraph.server.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * One route of the API and what the OpenAPI document says of it. The server registers exactly these, and the
 * OpenAPI document is built from exactly these, so the two cannot drift apart.
 *
 * @param access   who may call it
 * @param responses what a successful call can answer: a status, and the type of its body (of each item, for a list)
 * @param errors   the error statuses it can answer besides those every route can (401, 403, 500, 503)
 */
public record Endpoint(HandlerType method, String path, String operationId, String summary, Access access,
        List<Param> params, List<Response> responses, List<Integer> errors, Body body, Handler handler) {

    /** Who may call an endpoint. */
    public enum Access {
        /** Anyone: liveness, readiness, the API's own description. */
        PUBLIC,
        /** A read token, or nobody when the server allows anonymous reads. */
        READ,
        /** A write token, always. */
        WRITE
    }

    /** A query or path parameter. {@code type} is a JSON Schema type: string, integer or boolean. */
    public record Param(String name, boolean inPath, boolean required, String type, String description) {}

    /** A successful answer. {@code type} null means no body; {@code list} wraps items in a paged listing. */
    public record Response(int status, Class<?> type, boolean list, String description) {}

    /** A request body: its media types and what it is. */
    public record Body(List<String> mediaTypes, String description) {}

    public static Builder get(String path, String operationId, String summary) {
        return new Builder(HandlerType.GET, path, operationId, summary);
    }

    public static Builder post(String path, String operationId, String summary) {
        return new Builder(HandlerType.POST, path, operationId, summary);
    }

    public static Builder delete(String path, String operationId, String summary) {
        return new Builder(HandlerType.DELETE, path, operationId, summary);
    }

    /** Builds an endpoint in the order one reads it: path, parameters, answer, handler. */
    public static final class Builder {
        private final HandlerType method;
        private final String path;
        private final String operationId;
        private final String summary;
        private Access access = Access.READ;
        private final List<Param> params = new ArrayList<>();
        private final List<Response> responses = new ArrayList<>();
        private final List<Integer> errors = new ArrayList<>();
        private Body body;

        private Builder(HandlerType method, String path, String operationId, String summary) {
            this.method = method;
            this.path = path;
            this.operationId = operationId;
            this.summary = summary;
            for (String segment : path.split("/")) {
                if (segment.startsWith("{")) {
                    params.add(new Param(segment.substring(1, segment.length() - 1), true, true, "string",
                            "see the path"));
                }
            }
        }

        public Builder access(Access access) {
            this.access = access;
            return this;
        }

        public Builder pathParam(String name, String description) {
            params.replaceAll(p -> p.inPath() && p.name().equals(name)
                    ? new Param(name, true, true, "string", description) : p);
            return this;
        }

        public Builder query(String name, boolean required, String type, String description) {
            params.add(new Param(name, false, required, type, description));
            return this;
        }

        public Builder body(String description, String... mediaTypes) {
            this.body = new Body(List.of(mediaTypes), description);
            return this;
        }

        public Builder errors(Integer... statuses) {
            errors.addAll(List.of(statuses));
            return this;
        }

        /** A paged list of {@code item}s, with the list parameters every list shares. */
        public Builder listOf(Class<?> item, String description) {
            query("q", false, "string", "only items with a text field containing this, in any case");
            query("sort", false, "string", "a field to sort by, '-' in front for descending; default the"
                    + " endpoint's own order");
            query("limit", false, "integer", "items per page, 1 to " + Paging.MAX_LIMIT + " (default "
                    + Paging.DEFAULT_LIMIT + ")");
            query("offset", false, "integer", "items to skip (default 0)");
            errors.add(400);
            responses.add(new Response(200, item, true, description));
            return this;
        }

        /** A successful answer; an endpoint may have several (201 for a new document, 200 for a known one). */
        public Builder returns(int status, Class<?> type, String description) {
            responses.add(new Response(status, type, false, description));
            return this;
        }

        public Endpoint handle(Handler handler) {
            if (responses.isEmpty()) {
                throw new IllegalStateException(method + " " + path + " says nothing of its answer");
            }
            return new Endpoint(method, path, operationId, summary, access, List.copyOf(params), List.copyOf(responses),
                    errors.stream().distinct().sorted().toList(), body, handler);
        }
    }
}
