package io.supplygraph.cli;

import io.supplygraph.server.queue.QueueOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --queue} and how to reach it: on {@code serve} (optional: without it the server ingests uploads itself),
 * {@code worker} and {@code queue}. A token is read from the environment, never from the command line, where
 * {@code ps} would show it to every user of the machine.
 */
final class QueueOption {

    static final String TOKEN_ENVIRONMENT = "SUPPLYGRAPH_QUEUE_TOKEN";

    @Option(names = "--queue", paramLabel = "URL[,URL...]",
            description = "NATS with JetStream: nats://HOST:4222, tls://HOST:4222 for TLS (trusting --queue-ca, else"
                    + " the JVM's trust store), several comma-separated for a cluster.")
    String urls;

    @Option(names = "--queue-ca", paramLabel = "FILE",
            description = "PEM certificates that TLS to the queue trusts (its CA's, or the server's own), instead of"
                    + " the JVM's trust store.")
    Path ca;

    @Option(names = "--queue-creds", paramLabel = "FILE",
            description = "A NATS credentials file (user JWT and nkey seed). A token goes in $" + TOKEN_ENVIRONMENT
                    + " instead.")
    Path credentials;

    @Option(names = "--queue-name", paramLabel = "NAME", defaultValue = QueueOptions.DEFAULT_NAME,
            description = "Prefix of the queue's streams and buckets (default ${DEFAULT-VALUE}: SUPPLYGRAPH_JOBS,"
                    + " SUPPLYGRAPH_DEAD, SUPPLYGRAPH_DOCUMENTS, SUPPLYGRAPH_WORKERS). Servers and workers of one"
                    + " deployment give the same.")
    String name;

    @Option(names = "--queue-replicas", paramLabel = "N", defaultValue = "1",
            description = "Copies of each stream a NATS cluster keeps, when they are created (default ${DEFAULT-VALUE};"
                    + " 3 on a cluster of 3).")
    int replicas;

    @Option(names = "--ack-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long a job may go without a sign of life from its worker before another worker gets it"
                    + " (default ${DEFAULT-VALUE}; a worker signals every third of it while it works).")
    double ackWaitSeconds;

    @Option(names = "--attempts", paramLabel = "N", defaultValue = "" + QueueOptions.DEFAULT_ATTEMPTS,
            description = "Failed attempts after which a job goes to the dead-letter stream (default"
                    + " ${DEFAULT-VALUE}).")
    int attempts;

    boolean given() {
        return urls != null && !urls.isBlank();
    }

    /** The options, or a usage error naming what is wrong. */
    QueueOptions options() {
        if (!given()) {
            throw new IllegalArgumentException("--queue is missing: give the NATS URL, such as nats://127.0.0.1:4222");
        }
        if (credentials != null) {
            requireCredentials(credentials);
        }
        if (ca != null) {
            QueueOptions.trusting(ca); // read now, so that serve refuses a wrong file as it starts, not at an upload
        }
        String token = System.getenv(TOKEN_ENVIRONMENT);
        return QueueOptions.at(urls).withCredentials(credentials, token == null || token.isBlank() ? null : token)
                .withCa(ca).withName(name).withReplicas(replicas).withAttempts(attempts)
                .withAckWait(Duration.ofMillis(Math.round(ackWaitSeconds * 1000)));
    }

    /**
     * Refuses a file that is not there or holds no user JWT and seed now, by name: jnats would read such a file
     * without complaint and sign in with whatever it found, and NATS's refusal then names neither the file nor
     * what is wrong with it.
     */
    private static void requireCredentials(Path file) {
        String text;
        try {
            // Latin-1 decodes any bytes: a file of the wrong kind is then found not to be one, not to be unreadable.
            text = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : null;
        } catch (IOException e) {
            text = null;
        }
        if (text == null) {
            throw new IllegalArgumentException("--queue-creds " + file + " is not a readable file");
        }
        if (!text.contains("-----BEGIN NATS USER JWT-----") || !text.contains("-----BEGIN USER NKEY SEED-----")) {
            throw new IllegalArgumentException("--queue-creds " + file + " is not a NATS credentials file (a user"
                    + " JWT and its nkey seed, as `nsc generate creds` writes it)");
        }
    }
}
