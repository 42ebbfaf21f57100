package io.supplygraph.bench;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.access.Scope;
import io.supplygraph.bench.IngestBench.Store;
import io.supplygraph.bench.PortfolioGenerator.Spec;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST server under load. The targets, on the 5,000-SBOM store: with 8 concurrent clients,
 * {@code GET /api/v1/dependents} and {@code GET /api/v1/vulns} answer with a median under 20 ms, a p99 under
 * 100 ms and more than 200 requests/s; 8 clients uploading SBOMs store them within 1.5x of the time the CLI's ingest
 * takes for the same files; a server answers {@code /ready} within 2 s of its start.
 *
 * <pre>bench/run ServerBench [--db PATH|URL] [--clients 8] [--packages 100] [--rounds 1] [--uploads 500]
 *     [--heap 512m|none] [--starts 3]</pre>
 *
 * The server is {@code supplygraph serve} in a child JVM ({@code -Xmx512m} unless told otherwise), so that its start
 * time is the one a user sees and its peak RSS ({@code VmHWM}) is its own. Without {@code --db} the store is the
 * 5,000 x 500 portfolio in SQLite under {@code bench/out/}, as {@code IngestBench --keep} leaves it (ingested here on
 * first use). The purls are QueryBench's sample; each client asks for every one of them, from its own starting
 * point, {@code --rounds} times, after one warm-up pass. So that {@code vulns} has findings to list, one synthetic
 * advisory per sampled package (every version affected) is imported into the store first. Uploads go to a fresh
 * store (an SQLite file under {@code bench/out/}, or a new schema in the PostgreSQL database), and the CLI's
 * {@code Supplygraph.ingest} of the same files into another fresh store is timed for comparison, open excluded.
 */
public final class ServerBench {

    private static final Spec PORTFOLIO = Spec.portfolio(5000, 500);
    private static final String ADVISORY_PREFIX = "SERVERBENCH-";
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private ServerBench() {}

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, Set.of());
        String db = args.string("db", null);
        int clients = args.integer("clients", 8);
        int packages = args.integer("packages", 100);
        int rounds = args.integer("rounds", 1);
        int uploads = args.integer("uploads", 500);
        String heap = args.string("heap", "512m");
        int starts = args.integer("starts", 3);
        args.done();

        String store = db != null ? db : portfolioStore();
        List<String> sample;
        String tokenName = "serverbench-" + System.currentTimeMillis();
        String token;
        try (Supplygraph graph = Supplygraph.open(store)) {
            sample = QueryBench.sample(QueryBench.popularity(graph.packages(""), false), packages);
            importAdvisories(graph, sample);
            token = graph.tokens().create(tokenName, Scope.WRITE).secret();
        }
        List<String> jvm = heap.equals("none") ? List.of() : List.of("-Xmx" + heap);
        Path logs = Measurements.outFolder().resolve("serverbench-logs");

        long[] startTimes = new long[starts];
        Served server = null;
        for (int i = 0; i < starts; i++) {
            if (server != null) {
                server.stop();
            }
            server = Served.start("query-" + i, store, jvm, logs);
            startTimes[i] = server.readyNanos();
            System.out.printf("start %d: ready after %,.0f ms%n", i + 1, Measurements.millis(startTimes[i]));
        }
        Client client = new Client(server.url(), token);
        List<Load> queries = new ArrayList<>();
        for (String endpoint : List.of("/api/v1/dependents?purl=", "/api/v1/vulns?purl=")) {
            client.load(endpoint, sample, 1, 1); // warm-up: JIT, page cache, connections
            Load one = client.load(endpoint, sample, 1, rounds);
            Load many = client.load(endpoint, sample, clients, rounds);
            queries.add(one);
            queries.add(many);
            System.out.println(one);
            System.out.println(many);
        }
        String queryRss = server.rss();
        int queryExit = server.stop();
        try (Supplygraph graph = Supplygraph.open(store)) {
            graph.tokens().revoke(tokenName);
        }

        Comparison upload = uploadVersusIngest(store, uploads, clients, jvm, logs);

        System.out.println();
        System.out.println("== ServerBench on " + store + " ==");
        System.out.printf("server JVM            %s%n", jvm.isEmpty() ? "the default heap" : String.join(" ", jvm));
        System.out.printf("start to /ready       median %,.0f ms of %d (min %,.0f, max %,.0f)%n",
                Measurements.millis(Measurements.median(startTimes)), starts,
                Measurements.millis(Measurements.percentile(startTimes, 0)),
                Measurements.millis(Measurements.percentile(startTimes, 1)));
        System.out.printf("purls                 %d sampled (QueryBench's sample), %d round(s) per client%n",
                sample.size(), rounds);
        queries.forEach(System.out::println);
        System.out.printf("query server RSS      %s; exit code on SIGTERM %d%n", queryRss, queryExit);
        System.out.println(upload);
        System.out.println("load average          " + loadAverage());
    }

    /** The 5,000 x 500 SQLite store IngestBench --keep leaves under bench/out/, ingested here if it is not there. */
    static String portfolioStore() throws IOException {
        Path file = Measurements.outFolder().resolve("ingest-" + PORTFOLIO.folderName() + ".db");
        if (Files.exists(file)) {
            return file.toString();
        }
        List<Path> files = PortfolioGenerator.cached(PORTFOLIO);
        Store partial = Store.fresh(null, "ingest-" + PORTFOLIO.folderName() + "-partial");
        System.out.printf("ingesting %,d SBOMs into %s (once; kept for later runs)%n", files.size(), file);
        try (Supplygraph graph = Supplygraph.open(partial.location())) {
            graph.ingest(List.of(files.get(0).getParent().toString()), InputStream.nullInputStream(),
                    new IngestListener() {});
        }
        // Renamed only once whole, so that an interrupted run is never mistaken for the store.
        Files.move(Path.of(partial.location()), file);
        return file.toString();
    }

    /**
     * One OSV record per sampled package, affecting every version: each sampled purl then has a finding whose
     * documents are every application containing it, the heaviest answer vulns gives. A record's id is made from its
     * package, so that runs with other samples add records for other packages and never give one package two.
     */
    static void importAdvisories(Supplygraph graph, List<String> purls)
            throws IOException, InvalidPurlException {
        Path folder = Measurements.outFolder().resolve("serverbench-advisories");
        Measurements.deleteTree(folder);
        Files.createDirectories(folder);
        for (String purl : purls) {
            for (PackageKeys.VersionKey key : PackageKeys.of(PackageIdentity.fromPurl(purl))) {
                String[] ecosystemAndName = key.key().split("\\|", 2);
                String id = ADVISORY_PREFIX + UUID.nameUUIDFromBytes(key.key().getBytes(StandardCharsets.UTF_8));
                Files.writeString(folder.resolve(id + ".json"), """
                        {"schema_version":"1.6.0","id":"%s","modified":"2026-01-01T00:00:00Z","summary":"ServerBench",
                         "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                         "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                           "ranges":[{"type":"%s","events":[{"introduced":"0"}]}]}]}
                        """.formatted(id, ecosystemAndName[0], ecosystemAndName[1],
                        ecosystemAndName[0].equals("Go") ? "SEMVER" : "ECOSYSTEM"));
            }
        }
        IngestSummary imported = graph.importAdvisories(List.of(folder.toString()),
                InputStream.nullInputStream(), new IngestListener() {});
        System.out.printf("advisories: one per sampled package, %d stored now%n", imported.stored());
    }

    /** Uploads the first {@code count} SBOMs of the portfolio to a server on a fresh store, and ingests them. */
    private static Comparison uploadVersusIngest(String store, int count, int clients, List<String> jvm, Path logs)
            throws Exception {
        List<Path> files = PortfolioGenerator.cached(Spec.portfolio(count, 500));
        for (Path f : files) { // into the page cache: both sides then read the files from memory
            Files.readAllBytes(f);
        }
        boolean postgres = store.startsWith("jdbc:postgresql:");
        String cliStore = postgres ? freshSchema(store, "serverbench_cli")
                : Store.fresh(null, "serverbench-cli").location();
        long cli;
        IngestSummary summary;
        try (Supplygraph graph = Supplygraph.open(cliStore)) {
            long start = System.nanoTime();
            summary = graph.ingest(files.stream().map(Path::toString).toList(), InputStream.nullInputStream(),
                    new IngestListener() {});
            cli = System.nanoTime() - start;
        }
        System.out.printf("CLI ingest of %,d SBOMs: %,.1f s (%d stored)%n", count, cli / 1e9, summary.stored());

        String uploadStore = postgres ? freshSchema(store, "serverbench_upload")
                : Store.fresh(null, "serverbench-upload").location();
        String token;
        try (Supplygraph graph = Supplygraph.open(uploadStore)) {
            token = graph.tokens().create("serverbench", Scope.WRITE).secret();
        }
        Served server = Served.start("upload", uploadStore, jvm, logs);
        Upload upload = new Client(server.url(), token).upload(files, clients);
        System.out.printf("uploads of %,d SBOMs by %d clients: %,.1f s (%d answered 201)%n", count, clients,
                upload.nanos() / 1e9, upload.created());
        String rss = server.rss();
        server.stop();
        if (postgres) {
            execute(store, "DROP SCHEMA serverbench_cli CASCADE");
            execute(store, "DROP SCHEMA serverbench_upload CASCADE");
        }
        return new Comparison(count, clients, cli, summary.stored(), upload, rss);
    }

    /**
     * A fresh store in a new schema of the PostgreSQL database at {@code url}, as the tests make theirs: the bench
     * needs no database of its own.
     */
    private static String freshSchema(String url, String schema) {
        execute(url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute(url, "CREATE SCHEMA " + schema);
        String withoutSchema = url.replaceAll("([?&])currentSchema=[^&]*&?", "$1").replaceAll("[?&]$", "");
        return withoutSchema + (withoutSchema.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed at " + url + ": " + e.getMessage(), e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The latencies of one load: {@code clients} threads asking one endpoint for every purl. */
    record Load(String endpoint, int clients, long[] latencies, long wallNanos, long bytes, int failures) {

        double perSecond() {
            return latencies.length / (wallNanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%-21s %d client(s): %,d requests, median %.1f ms, p99 %.1f ms, %,.0f requests/s,"
                            + " %,.0f KB per answer%s", endpoint.substring(0, endpoint.indexOf('?')), clients,
                    latencies.length, Measurements.millis(Measurements.median(latencies)),
                    Measurements.millis(Measurements.percentile(latencies, 0.99)), perSecond(),
                    bytes / 1024.0 / latencies.length, failures == 0 ? "" : ", " + failures + " FAILED");
        }
    }

    record Upload(long nanos, int created, int failures) {}

    record Comparison(int files, int clients, long cliNanos, int cliStored, Upload upload, String serverRss) {
        @Override
        public String toString() {
            double cli = cliNanos / 1e9;
            double server = upload.nanos() / 1e9;
            return String.format("uploads               %,d SBOMs by %d clients in %,.1f s (%,.1f SBOMs/s, %d answered"
                            + " 201%s); CLI ingest %,.1f s (%,.1f SBOMs/s, %d stored): %.2fx the CLI's time;"
                            + " upload server RSS %s", files, clients, server, files / server, upload.created(),
                    upload.failures() == 0 ? "" : ", " + upload.failures() + " FAILED", cli, files / cli, cliStored,
                    server / cli, serverRss);
        }
    }

    /** HTTP as a client program speaks it: one JDK client, connections kept alive, a write token on every call. */
    private static final class Client {
        private final URI base;
        private final String token;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        Client(URI base, String token) {
            this.base = base;
            this.token = token;
        }

        /** Each client asks for every purl {@code rounds} times, each from its own place in the list. */
        Load load(String endpoint, List<String> purls, int clients, int rounds) throws Exception {
            int perClient = purls.size() * rounds;
            long[] latencies = new long[perClient * clients];
            AtomicInteger failures = new AtomicInteger();
            long[] bytes = new long[clients];
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int me = c;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        String purl = purls.get((i + me * purls.size() / clients) % purls.size());
                        HttpRequest request = request(endpoint + URLEncoder.encode(purl, StandardCharsets.UTF_8))
                                .GET().build();
                        long t = System.nanoTime();
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        latencies[me * perClient + i] = System.nanoTime() - t;
                        bytes[me] += response.body().length;
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            long total = 0;
            for (long b : bytes) {
                total += b;
            }
            return new Load(endpoint, clients, latencies, wall, total, failures.get());
        }

        /** {@code clients} threads take files from one queue until it is empty; a 503 is sent again after its pause. */
        Upload upload(List<Path> files, int clients) throws Exception {
            Queue<Path> queue = new ConcurrentLinkedQueue<>(files);
            AtomicInteger created = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<?>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (Path file = queue.poll(); file != null; file = queue.poll()) {
                        while (true) {
                            HttpRequest request = request("/api/v1/documents?name="
                                    + URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8))
                                    .header("Content-Type", "application/octet-stream")
                                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (response.statusCode() == 503) {
                                Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
                                continue;
                            }
                            if (response.statusCode() == 201) {
                                created.incrementAndGet();
                            } else {
                                failures.incrementAndGet();
                                System.err.println(file.getFileName() + ": " + response.statusCode() + " "
                                        + response.body());
                            }
                            break;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            return new Upload(wall, created.get(), failures.get());
        }

        private HttpRequest.Builder request(String pathAndQuery) {
            return HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(5));
        }
    }

    /**
     * {@code supplygraph serve} in a child JVM on a free port, its output in files, timed from the process's start
     * to its first 200 on {@code /ready}.
     */
    record Served(Process process, URI url, long readyNanos) {

        static Served start(String name, String store, List<String> jvm, Path logs) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path spool = Measurements.outFolder().resolve("serverbench-spool-" + name);
            Measurements.deleteTree(spool);
            Files.createDirectories(logs);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvm);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.supplygraph.cli.Main", "serve",
                    "--db", store, "--port", Integer.toString(port), "--spool", spool.toString(),
                    "--access-log", "off"));
            URI url = URI.create("http://127.0.0.1:" + port + "/");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest ready = HttpRequest.newBuilder(url.resolve("/ready")).timeout(Duration.ofSeconds(5)).build();
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(logs.resolve(name + ".out").toFile())
                    .redirectError(logs.resolve(name + ".err").toFile()).start();
            while (System.nanoTime() - start < START_LIMIT.toNanos()) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Served(process, url, System.nanoTime() - start);
                    }
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the server exited with " + process.exitValue() + "; see "
                                + logs.resolve(name + ".err"));
                    }
                }
                Thread.sleep(5);
            }
            process.destroyForcibly();
            throw new IllegalStateException("the server did not answer /ready within " + START_LIMIT);
        }

        /** Peak and current resident set, as the kernel counts them for the child. */
        String rss() throws IOException {
            long peak = 0;
            long now = 0;
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line);
                } else if (line.startsWith("VmRSS:")) {
                    now = kilobytes(line);
                }
            }
            return String.format("peak %,.0f MB, now %,.0f MB", peak / 1024.0, now / 1024.0);
        }

        private static long kilobytes(String line) {
            return Long.parseLong(line.substring(line.indexOf(':') + 1).replace("kB", "").strip());
        }

        /** SIGTERM, as a deployment stops it; the exit code. */
        int stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        }
    }
}
