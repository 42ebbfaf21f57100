package io.supplygraph.server.queue;

import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Where the job queue is, how to sign in to it, and what it is called. Every stream and bucket name derives from
 * {@code name}, so that several deployments (or tests) can share one NATS server without seeing each other's jobs:
 * the default {@code supplygraph} gives the work-queue stream {@code SUPPLYGRAPH_JOBS} (subjects
 * {@code supplygraph.jobs.<kind>}), the dead-letter stream {@code SUPPLYGRAPH_DEAD}, the object store
 * {@code SUPPLYGRAPH_DOCUMENTS} and the key-value bucket {@code SUPPLYGRAPH_WORKERS}.
 *
 * @param servers     NATS URLs ({@code nats://host:4222}, {@code tls://host:4222} for TLS), tried in turn
 * @param credentials a NATS credentials file (a user JWT and its nkey seed), or null
 * @param token       a token the server expects, or null
 * @param ca          a PEM file of the certificates that TLS trusts (a CA's, or the server's own), instead of the
 *                    JVM's trust store; or null
 * @param name        the prefix of every subject, stream and bucket name
 * @param replicas    copies of each stream kept by a NATS cluster: 1 on a single server, 3 on a cluster of 3
 * @param ackWait     how long a job may go without a sign of life from its worker before another worker gets it
 * @param attempts    failed attempts after which a job goes to the dead-letter stream
 */
public record QueueOptions(List<String> servers, Path credentials, String token, Path ca, String name, int replicas,
        Duration ackWait, int attempts) {

    public static final String DEFAULT_NAME = "supplygraph";
    public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(60);
    public static final int DEFAULT_ATTEMPTS = 3;
    /** The durable pull consumer every worker shares: a work-queue stream delivers each job to one of them. */
    static final String CONSUMER = "workers";

    public QueueOptions {
        servers = List.copyOf(servers);
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("--queue needs at least one NATS URL, such as nats://127.0.0.1:4222");
        }
        for (String server : servers) {
            if (!server.matches("(nats|tls)://.+")) {
                throw new IllegalArgumentException("--queue takes nats://HOST:PORT or tls://HOST:PORT URLs, not '"
                        + server + "'");
            }
        }
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a queue name is 1 to 64 letters, digits, '-' or '_', not '" + name
                    + "'");
        }
        if (replicas < 1 || replicas > 5) {
            throw new IllegalArgumentException("a NATS stream has 1 to 5 replicas, not " + replicas);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("a job needs at least 1 attempt, not " + attempts);
        }
        if (ackWait.toMillis() < 500) {
            throw new IllegalArgumentException("the ack wait must be at least 500 ms, not " + ackWait.toMillis()
                    + " ms");
        }
    }

    /** The defaults at these URLs (comma-separated, as {@code --queue} takes them). */
    public static QueueOptions at(String urls) {
        return new QueueOptions(List.of(urls.split(",")), null, null, null, DEFAULT_NAME, 1, DEFAULT_ACK_WAIT,
                DEFAULT_ATTEMPTS);
    }

    public QueueOptions withCredentials(Path credentials, String token) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    public QueueOptions withCa(Path ca) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    public QueueOptions withName(String name) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    public QueueOptions withReplicas(int replicas) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    public QueueOptions withAckWait(Duration ackWait) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    public QueueOptions withAttempts(int attempts) {
        return new QueueOptions(servers, credentials, token, ca, name, replicas, ackWait, attempts);
    }

    /**
     * The URLs as the user may see them, in messages and {@code queue status}: a user and password or a token
     * written into a URL ({@code nats://TOKEN@host:4222}) is shown as {@code ***}.
     */
    public String location() {
        return String.join(",", servers.stream().map(url -> url.replaceFirst("^(\\w+://)[^@/]*@", "$1***@"))
                .toList());
    }

    String jobsStream() {
        return upper() + "_JOBS";
    }

    String jobsSubjects() {
        return name + ".jobs.>";
    }

    String jobsSubject(String kind) {
        return name + ".jobs." + kind;
    }

    String deadStream() {
        return upper() + "_DEAD";
    }

    String deadSubject(String kind) {
        return name + ".dead." + kind;
    }

    String documentsBucket() {
        return upper() + "_DOCUMENTS";
    }

    String workersBucket() {
        return upper() + "_WORKERS";
    }

    private String upper() {
        return name.toUpperCase(Locale.ROOT);
    }

    /**
     * The client's options: reconnect for ever (a NATS restart is a pause, not an end), time out connecting soon,
     * so that an upload while NATS is away is answered 503 in seconds rather than held, and leave a failure to
     * connect to the exception that reports it.
     */
    Options connection(String clientName, QuietUntilConnected log) {
        Options.Builder builder = new Options.Builder()
                .servers(servers.toArray(String[]::new))
                .connectionName(clientName)
                .connectionTimeout(Duration.ofSeconds(5))
                .maxReconnects(-1)
                .reconnectWait(Duration.ofSeconds(1))
                .errorListener(log)
                .connectionListener(log);
        if (credentials != null) {
            builder.authHandler(Nats.credentials(credentials.toString()));
        }
        if (token != null) {
            builder.token(token.toCharArray());
        }
        if (ca != null) {
            builder.sslContext(trusting(ca));
        }
        return builder.build();
    }

    /**
     * A TLS context that trusts the certificates in this PEM file and no others: what a NATS operator hands out as
     * {@code ca.pem}, without first making a Java trust store of it. Refuses a file that holds no certificate, by
     * name.
     */
    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalArgumentException("--queue-ca " + pem + " holds no PEM certificate");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException("--queue-ca " + pem + " is not a readable file", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--queue-ca " + pem + " holds no PEM certificate that Java reads: "
                    + e.getMessage(), e);
        }
    }
}
