package io.supplygraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.server.ops.AccessLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A server started in the test on a free loopback port, with a write and a read token, spoken to over real HTTP
 * with the JDK's client.
 */
final class RunningServer implements AutoCloseable {

    /** An answer: its status, headers and body (JSON when it is JSON, else the text as a JSON string). */
    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode body, String text) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final Server server;
    final String writeToken;
    final String readToken;
    final String database;
    final ByteArrayOutputStream log;
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningServer(Server server, String writeToken, String readToken, String database,
            ByteArrayOutputStream log) {
        this.server = server;
        this.log = log;
        this.writeToken = writeToken;
        this.readToken = readToken;
        this.database = database;
    }

    static RunningServer start(String database, Path spool) {
        return start(database, spool, o -> o);
    }

    static RunningServer start(String database, Path spool, UnaryOperator<ServerOptions> options) {
        String write;
        String read;
        try (Supplygraph graph = Supplygraph.open(database)) {
            write = graph.tokens().create("writer-" + System.nanoTime(), Scope.WRITE).secret();
            read = graph.tokens().create("reader-" + System.nanoTime(), Scope.READ).secret();
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServerOptions base = ServerOptions.defaults(database, spool).withPort(0)
                .withAccessLog(AccessLog.Format.JSON, new PrintStream(log, true, StandardCharsets.UTF_8));
        Server server = Server.start(options.apply(base));
        return new RunningServer(server, write, read, database, log);
    }

    URI uri(String pathAndQuery) {
        return server.url().resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    Reply get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), null);
    }

    Reply get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), token);
    }

    Reply upload(String name, String body, String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/documents?name=" + encode(name)))
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    Reply upload(String name, byte[] body, String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/documents?name=" + encode(name)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    Reply delete(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE(), token);
    }

    Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body;
            try {
                body = text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(text);
            }
            return new Reply(response.statusCode(), response.headers(), body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a job until it is done or failed (an archive's job takes a moment). */
    JsonNode awaitJob(String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonNode job = get("/api/v1/jobs/" + id, readToken).body();
            String state = job.path("state").asText();
            if (state.equals("done") || state.equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " did not finish within a minute");
    }

    @Override
    public void close() {
        server.stop();
    }
}
