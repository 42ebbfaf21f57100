package io.supplygraph.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.ReleaseNaming;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Upload files, folders (recursively) and archives to a 'supplygraph serve', as a CI job would.",
                "A busy server (503) is asked again after the pause it gives, doubling up to 30 s; an archive's job is"
                        + " followed until it is done. Exit code 1 when any document was rejected or not sent.",
                "--app, --release and --replace name the application and release as ingest's do, for every"
                        + " document sent. With --replace the documents are sent one at a time, in the order given, so"
                        + " that the last of a release from one tool is the one that stays current."})
final class PushCommand implements Callable<Integer> {

    static final String TOKEN_ENVIRONMENT = "SUPPLYGRAPH_TOKEN";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", required = true, paramLabel = "URL", description = "The server, e.g. http://graph:8080")
    URI server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "A token with scope write. Default: $" + TOKEN_ENVIRONMENT + " (which no process list shows).")
    String token;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Uploads at once (default ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "10",
            description = "How often a busy or unreachable server is asked again (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--json", description = "Print a JSON array: one object per document, then a summary.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress line on stderr, even on a terminal.")
    boolean noProgress;

    @Mixin
    ReleaseOptions naming;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders or archives to upload.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    /** Built in {@link #call}: picocli instantiates every command, and a client starts a selector thread. */
    private HttpClient http;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1) {
            throw new IllegalArgumentException("--parallel must be 1 or more");
        }
        String namingQuery = query(naming.naming(spec));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String secret = token != null ? token : System.getenv(TOKEN_ENVIRONMENT);
        List<Path> files = files();
        PrintWriter err = spec.commandLine().getErr();
        Push push = new Push(secret, namingQuery, err, !noProgress && !json && System.console() != null,
                files.size());
        // Which document supersedes which is decided by the order they are stored in: one at a time, it is theirs.
        ExecutorService pool = Executors.newFixedThreadPool(naming.replace ? 1 : parallel);
        List<Future<List<JsonNode>>> results = new ArrayList<>();
        try {
            for (Path file : files) {
                results.add(pool.submit(() -> push.upload(file)));
            }
            List<JsonNode> outcomes = new ArrayList<>();
            for (Future<List<JsonNode>> result : results) {
                try {
                    outcomes.addAll(result.get());
                } catch (ExecutionException e) {
                    // A refused token stops the push: every other upload would be refused the same way.
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            push.clearProgress();
            return report(outcomes, err);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The upload's query parameters that name the application and release, as the server reads them. */
    private static String query(ReleaseNaming naming) {
        StringBuilder query = new StringBuilder();
        if (naming.application() != null) {
            query.append("&app=").append(URLEncoder.encode(naming.application(), StandardCharsets.UTF_8));
        }
        if (naming.release() != null) {
            query.append("&release=").append(URLEncoder.encode(naming.release(), StandardCharsets.UTF_8));
        }
        if (naming.replace()) {
            query.append("&replace=true");
        }
        return query.toString();
    }

    private int report(List<JsonNode> outcomes, PrintWriter err) {
        int ingested = count(outcomes, "ingested");
        int already = count(outcomes, "already-ingested");
        int rejected = count(outcomes, "rejected");
        int failed = count(outcomes, "not-sent") + count(outcomes, "not-attempted");
        if (json) {
            List<JsonNode> all = new ArrayList<>(outcomes);
            all.add(JSON.createObjectNode().put("status", "summary").put("ingested", ingested)
                    .put("already_ingested", already).put("rejected", rejected).put("not_sent", failed));
            Output.json(spec.commandLine().getOut(), all);
        }
        err.printf("%d ingested, %d already ingested, %d rejected%s%n", ingested, already, rejected,
                failed == 0 ? "" : ", " + failed + " not sent");
        err.flush();
        return rejected + failed == 0 ? 0 : Main.EXIT_FAILURE;
    }

    private static int count(List<JsonNode> outcomes, String status) {
        return (int) outcomes.stream().filter(o -> status.equals(o.path("status").asText())).count();
    }

    private List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(p -> path.relativize(p).toString().chars().noneMatch(c -> c == 0)
                                    && Stream.iterate(path.relativize(p), q -> q != null, Path::getParent)
                                            .noneMatch(q -> q.getFileName().toString().startsWith(".")))
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new IllegalArgumentException(path + ": no such file or folder");
            }
        }
        return files;
    }

    /** One push: the uploads, their progress and their outcomes. */
    private final class Push {
        private final String secret;
        private final String namingQuery;
        private final PrintWriter err;
        private final boolean progress;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();

        Push(String secret, String namingQuery, PrintWriter err, boolean progress, int total) {
            this.secret = secret;
            this.namingQuery = namingQuery;
            this.err = err;
            this.progress = progress;
            this.total = total;
        }

        List<JsonNode> upload(Path file) throws InterruptedException {
            String name = file.getFileName().toString();
            try {
                HttpResponse<String> response = send(() -> request("api/v1/documents?name="
                        + URLEncoder.encode(name, StandardCharsets.UTF_8) + namingQuery)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofFile(file)).build());
                List<JsonNode> outcomes = outcomes(name, response);
                outcomes.forEach(this::print);
                return outcomes;
            } catch (IOException e) {
                ObjectNode failure = JSON.createObjectNode().put("source", name).put("status", "not-sent")
                        .put("reason", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                print(failure);
                return List.of(failure);
            } finally {
                advance();
            }
        }

        private List<JsonNode> outcomes(String name, HttpResponse<String> response)
                throws IOException, InterruptedException {
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                return List.of(body);
            }
            if (status == 202) {
                return followJob(body.path("id").asText());
            }
            if (status == 401 || status == 403) {
                throw new IllegalStateException(body.path("detail").asText("the server refused the token"));
            }
            // The server's detail names the upload already, as "name: reason".
            String detail = body.path("detail").asText("HTTP " + status);
            String reason = detail.startsWith(name + ": ") ? detail.substring(name.length() + 2) : detail;
            ObjectNode rejected = JSON.createObjectNode().put("source", name).put("status", "rejected")
                    .put("reason", reason);
            return List.of(rejected);
        }

        /** Polls a job until it is done, with a pause that grows to 2 s: an archive may take minutes. */
        private List<JsonNode> followJob(String id) throws IOException, InterruptedException {
            long pause = 100;
            while (true) {
                HttpResponse<String> response = send(() -> request("api/v1/jobs/" + id).GET().build());
                JsonNode job = JSON.readTree(response.body());
                String state = job.path("state").asText();
                if (state.equals("done") || state.equals("failed")) {
                    List<JsonNode> documents = new ArrayList<>();
                    job.path("result").path("documents").forEach(documents::add);
                    if (state.equals("failed")) {
                        documents.add(JSON.createObjectNode().put("source", job.path("source").asText())
                                .put("status", "rejected").put("reason", job.path("result").path("reason").asText()));
                    }
                    return documents;
                }
                Thread.sleep(pause);
                pause = Math.min(2000, pause * 2);
            }
        }

        /** Sends, asking again after a 503 (after its Retry-After) or a refused connection, the pause doubling. */
        private HttpResponse<String> send(RequestFactory factory) throws IOException, InterruptedException {
            long pause = 500;
            for (int attempt = 0; ; attempt++) {
                try {
                    HttpResponse<String> response = http.send(factory.create(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 503 || attempt >= retries) {
                        return response;
                    }
                    pause = Math.max(pause, 1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
                } catch (ConnectException | HttpTimeoutException e) {
                    if (attempt >= retries) {
                        throw new IOException("the server " + server + " did not answer: " + e.getClass().getSimpleName(),
                                e);
                    }
                }
                Thread.sleep(pause);
                pause = Math.min(30_000, pause * 2);
            }
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(server.resolve("/").resolve(path))
                    .timeout(Duration.ofMinutes(30));
            if (secret != null && !secret.isBlank()) {
                builder.header("Authorization", "Bearer " + secret);
            }
            return builder;
        }

        private synchronized void print(JsonNode outcome) {
            if (json) {
                return;
            }
            clearProgress();
            String status = outcome.path("status").asText();
            String source = outcome.path("source").asText();
            switch (status) {
                case "ingested" -> spec.commandLine().getOut().printf("ingested  %s  %s  %d components%n", source,
                        outcome.path("format").asText(), outcome.path("components").asInt());
                case "already-ingested" -> spec.commandLine().getOut().printf("already   %s  %s%n", source,
                        outcome.path("digest").asText());
                default -> err.printf("%s  %s: %s%n", status, source, outcome.path("reason").asText());
            }
            spec.commandLine().getOut().flush();
            err.flush();
        }

        private synchronized void advance() {
            int n = done.incrementAndGet();
            if (progress) {
                err.printf("\rpushed %d of %d files ", n, total);
                err.flush();
            }
        }

        synchronized void clearProgress() {
            if (progress) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }

    private interface RequestFactory {
        HttpRequest create() throws IOException;
    }
}
