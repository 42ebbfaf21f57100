package io.supplygraph.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A {@code nats-server -js} of the test's own, on a free port, configured as the test needs (a token, accounts, TLS),
 * so that no test signs in to, or changes the configuration of, the machine's shared NATS. Its configuration, log
 * and JetStream files stay in {@code dir} (the test's temporary folder); {@link #close} stops the process. Without a
 * {@code nats-server} on the PATH or in {@code /usr/sbin}, the test skips, saying so.
 */
final class PrivateNats implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    final int port;
    private final Process process;
    private final Path log;

    private PrivateNats(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a server with JetStream and this configuration besides (an {@code authorization} block, say). */
    static PrivateNats start(Path dir, String config) throws IOException, InterruptedException {
        Optional<Path> binary = binary();
        assumeTrue(binary.isPresent(), "skipped: no nats-server on the PATH or in /usr/sbin to start a private"
                + " NATS with authentication (https://github.com/nats-io/nats-server/releases)");
        int port = freePort();
        Path conf = dir.resolve("nats.conf");
        Path log = dir.resolve("nats.log");
        Files.writeString(conf, "listen: 127.0.0.1:" + port + "\n"
                + "jetstream { store_dir: \"" + dir.resolve("jetstream") + "\" }\n" + config + "\n");
        Process process = new ProcessBuilder(binary.get().toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PrivateNats nats = new PrivateNats(port, process, log);
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!nats.listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nats.close();
                throw new AssertionError("nats-server did not start on port " + port + ": "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            Thread.sleep(50);
        }
        return nats;
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "") + java.io.File.pathSeparator + "/usr/sbin";
        return Arrays.stream(path.split(java.io.File.pathSeparator)).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "nats-server")).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
