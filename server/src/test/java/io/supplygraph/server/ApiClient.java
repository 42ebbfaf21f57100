package io.supplygraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A client of a server over real HTTP with the JDK's client, holding a write and a read token made for it: what the
 * tests speak to a server with, whether it runs in the test's JVM or in a child JVM.
 */
class ApiClient {

    /** An answer: its status, headers and body (JSON when it is JSON, else the text as a JSON string). */
    record Reply(int status, java.net.http.HttpHeaders headers, JsonNode body, String text) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A write and a read token, created in a database before a server on it starts. */
    record Tokens(String write, String read) {
        static Tokens createIn(String database) {
            try (Supplygraph graph = Supplygraph.open(database)) {
                return new Tokens(graph.tokens().create("writer-" + System.nanoTime(), Scope.WRITE).secret(),
                        graph.tokens().create("reader-" + System.nanoTime(), Scope.READ).secret());
            }
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    final String writeToken;
    final String readToken;
    final String database;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    ApiClient(URI base, Tokens tokens, String database) {
        this.base = base;
        this.writeToken = tokens.write();
        this.readToken = tokens.read();
        this.database = database;
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
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
        return upload(name, HttpRequest.BodyPublishers.ofString(body), token);
    }

    Reply upload(String name, byte[] body, String token) {
        return upload(name, HttpRequest.BodyPublishers.ofByteArray(body), token);
    }

    /** Streams the file from disk, as a client uploading a document larger than its heap must. */
    Reply upload(Path file, String token) {
        try {
            return upload(file.getFileName().toString(), HttpRequest.BodyPublishers.ofFile(file), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply upload(String name, HttpRequest.BodyPublisher body, String token) {
        return send(HttpRequest.newBuilder(uri("/api/v1/documents?name=" + encode(name))).POST(body), token);
    }

    /**
     * Uploads as a real client does: a busy server (503) is asked again after the pause its Retry-After gives, up to
     * a minute of asking; then the 503 is the answer.
     */
    Reply uploadPolitely(String name, String body, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            Reply reply = upload(name, body, token);
            if (reply.status() != 503 || System.nanoTime() > deadline) {
                return reply;
            }
            Thread.sleep(1000L * Long.parseLong(reply.header("Retry-After")));
        }
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
}
