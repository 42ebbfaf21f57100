package io.supplygraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.NKey;
import io.nats.client.support.JwtUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue behind a token, an operator's accounts or TLS, reached as a user reaches it: {@code queue status} in a JVM
 * of its own (so that {@code SUPPLYGRAPH_QUEUE_TOKEN} and JVM options reach it as they do from the launcher) against
 * a private {@code nats-server -js} configured for each test. Refused, the command says in one line which NATS
 * refused it and why, and never prints the secret it was given; a file given for the purpose that cannot serve it is
 * a usage error naming the file, before anything is sent.
 */
class SecuredQueueTest {

    private static final String TOKEN = "s3cret-token-4-queue";
    /** Where no NATS listens: a command that should stop before connecting never reaches the machine's NATS. */
    private static final String NOWHERE = "127.0.0.1:1";

    @TempDir
    Path tmp;

    private PrivateNats nats;

    @AfterEach
    void stop() throws InterruptedException {
        if (nats != null) {
            nats.close();
        }
    }

    @Test
    void theTokenInTheEnvironmentSignsIn() throws Exception {
        nats = PrivateNats.start(tmp, "authorization { token: \"" + TOKEN + "\" }");

        Run run = supplygraph(Map.of(QueueOption.TOKEN_ENVIRONMENT, TOKEN), "queue", "status", "--queue",
                nats.url("nats"));

        assertConnected(run, nats.url("nats"));
    }

    @Test
    void withoutTheTokenTheQueueIsRefusedInOneLineNamingItsUrl() throws Exception {
        nats = PrivateNats.start(tmp, "authorization { token: \"" + TOKEN + "\" }");

        Run run = supplygraph(Map.of(), "queue", "status", "--queue", nats.url("nats"));

        assertRefused(run, nats.url("nats"), TOKEN);
    }

    @Test
    void aWrongTokenIsRefusedWithoutBeingPrinted() throws Exception {
        nats = PrivateNats.start(tmp, "authorization { token: \"" + TOKEN + "\" }");
        String wrong = "not-the-token-7f3a";

        Run run = supplygraph(Map.of(QueueOption.TOKEN_ENVIRONMENT, wrong), "queue", "status", "--queue",
                nats.url("nats"));

        assertRefused(run, nats.url("nats"), wrong);
        assertThat(run.err()).doesNotContain(TOKEN);
    }

    @Test
    void aTokenWrittenIntoTheUrlIsNotPrinted() throws Exception {
        nats = PrivateNats.start(tmp, "authorization { token: \"" + TOKEN + "\" }");
        String shown = "nats://***@127.0.0.1:" + nats.port;

        Run right = supplygraph(Map.of(), "queue", "status", "--queue", "nats://" + TOKEN + "@127.0.0.1:"
                + nats.port);
        Run wrong = supplygraph(Map.of(), "queue", "status", "--queue", "nats://wrong-token@127.0.0.1:" + nats.port);

        assertThat(right.out()).startsWith("queue " + shown + ": 0 pending").doesNotContain(TOKEN);
        assertThat(right.exit()).isZero();
        assertRefused(wrong, shown, "wrong-token");
    }

    @Test
    void aCredentialsFileSignsInToItsAccountsJetStream() throws Exception {
        Operator operator = new Operator();
        nats = PrivateNats.start(tmp, operator.serverConfig());
        Path creds = operator.userCredentials(tmp.resolve("queue.creds"));

        Run run = supplygraph(Map.of(), "queue", "status", "--queue", nats.url("nats"), "--queue-creds",
                creds.toString());

        assertConnected(run, nats.url("nats"));
    }

    @Test
    void aCredentialsFileOfAnotherOperatorIsRefused() throws Exception {
        nats = PrivateNats.start(tmp, new Operator().serverConfig());
        Operator stranger = new Operator();
        Path creds = stranger.userCredentials(tmp.resolve("stranger.creds"));

        Run run = supplygraph(Map.of(), "queue", "status", "--queue", nats.url("nats"), "--queue-creds",
                creds.toString());

        assertRefused(run, nats.url("nats"), stranger.userSeed);
    }

    @Test
    void aMissingCredentialsFileIsAUsageErrorNamingIt() {
        Path missing = tmp.resolve("nowhere.creds");

        CliRun run = CliRun.of("queue", "status", "--queue", "nats://" + NOWHERE, "--queue-creds",
                missing.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).isEqualTo("supplygraph status: --queue-creds " + missing
                + " is not a readable file");
    }

    @Test
    void aFileThatIsNoCredentialsFileIsAUsageErrorNamingIt() throws Exception {
        Path notCreds = Files.writeString(tmp.resolve("notes.txt"), "user: alice\npassword: hunter2\n");

        CliRun run = CliRun.of("queue", "status", "--queue", "nats://" + NOWHERE, "--queue-creds",
                notCreds.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).isEqualTo("supplygraph status: --queue-creds " + notCreds + " is not a NATS"
                + " credentials file (a user JWT and its nkey seed, as `nsc generate creds` writes it)");
    }

    @Test
    void tlsTrustingTheCertificateInTheJvmTrustStoreConnects() throws Exception {
        TestCertificate certificate = TestCertificate.in(tmp);
        nats = PrivateNats.start(tmp, certificate.serverConfig());

        Run run = supplygraph(Map.of(), certificate.jvmOptions(null), "queue", "status", "--queue",
                nats.url("tls"));

        assertConnected(run, nats.url("tls"));
    }

    @Test
    void tlsToAnUntrustedCertificateIsRefusedInOneLineNamingItsUrl() throws Exception {
        nats = PrivateNats.start(tmp, TestCertificate.in(tmp).serverConfig());

        Run run = supplygraph(Map.of(), "queue", "status", "--queue", nats.url("tls"));

        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().asString()
                .isEqualTo("supplygraph status: connecting to the queue at " + nats.url("tls") + " failed: TLS: the"
                        + " server's certificate is not trusted (unable to find valid certification path to requested"
                        + " target); give its CA with --queue-ca");
    }

    @Test
    void tlsToAServerThatWantsAClientCertificateShowsTheOneInTheJvmKeyStore() throws Exception {
        TestCertificate server = TestCertificate.in(tmp);
        TestCertificate client = TestCertificate.in(tmp, "client");
        nats = PrivateNats.start(tmp, server.serverConfigVerifying(client));

        Run shown = supplygraph(Map.of(), server.jvmOptions(client), "queue", "status", "--queue", nats.url("tls"));
        Run none = supplygraph(Map.of(), server.jvmOptions(null), "queue", "status", "--queue", nats.url("tls"));

        assertConnected(shown, nats.url("tls"));
        assertThat(none.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(none.err().lines().toList()).singleElement().asString()
                .isEqualTo("supplygraph status: connecting to the queue at " + nats.url("tls") + " failed: the"
                        + " server did not complete the connection in time (TimeoutException)");
    }

    @Test
    void tlsTrustingTheCertificateGivenAsPemConnects() throws Exception {
        TestCertificate certificate = TestCertificate.in(tmp);
        nats = PrivateNats.start(tmp, certificate.serverConfig());

        Run run = supplygraph(Map.of(), "queue", "status", "--queue", nats.url("tls"), "--queue-ca",
                certificate.certificate().toString());

        assertConnected(run, nats.url("tls"));
    }

    @Test
    void aCaFileWithoutCertificatesIsAUsageErrorNamingIt() throws Exception {
        Path key = TestCertificate.in(tmp).key();

        CliRun run = CliRun.of("queue", "status", "--queue", "tls://" + NOWHERE, "--queue-ca", key.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err().strip()).startsWith("supplygraph status: --queue-ca " + key + " holds no PEM certificate");
    }

    /** Exit 0, the queue's state on stdout, and nothing on stderr: no warning, no log line. */
    private static void assertConnected(Run run, String url) {
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("queue " + url + ": 0 pending, 0 in progress");
        assertThat(run.exit()).isZero();
    }

    /** One line on stderr naming the URL and that NATS refused the sign-in; no secret, no stack trace. */
    private static void assertRefused(Run run, String url, String secret) {
        assertThat(run.exit()).isEqualTo(Main.EXIT_FAILURE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("supplygraph status: connecting to the queue at " + url)
                .containsIgnoringCase("authorization");
        assertThat(run.err()).doesNotContain(secret);
    }

    /**
     * NATS's decentralised authentication in miniature, as {@code nsc} would set it up: an operator, one account
     * with JetStream that it signed, and a user of that account, each with its own nkey.
     */
    private static final class Operator {
        private final NKey operator;
        private final NKey system;
        private final NKey account;
        private final NKey user;
        final String userSeed;

        Operator() throws Exception {
            SecureRandom random = new SecureRandom();
            operator = NKey.createOperator(random);
            system = NKey.createAccount(random);
            account = NKey.createAccount(random);
            user = NKey.createUser(random);
            userSeed = new String(user.getSeed());
        }

        /**
         * The server trusts this operator and knows its accounts from the configuration: the queue's, with JetStream,
         * and the system account that a server in operator mode needs to run JetStream at all.
         */
        String serverConfig() throws Exception {
            String operatorKey = new String(operator.getPublicKey());
            String systemKey = new String(system.getPublicKey());
            String operatorJwt = JwtUtils.issueJWT(operator, operatorKey, "test operator", null,
                    JwtUtils.currentTimeSeconds(), operatorKey, () -> "{\"type\":\"operator\",\"version\":2,"
                            + "\"system_account\":\"" + systemKey + "\"}");
            return "operator: " + operatorJwt + "\nsystem_account: " + systemKey + "\nresolver: MEMORY\n"
                    + "resolver_preload: {\n  " + systemKey + ": " + accountJwt(system, "SYS", "") + "\n  "
                    + new String(account.getPublicKey()) + ": " + accountJwt(account, "queue",
                            ",\"mem_storage\":-1,\"disk_storage\":-1,\"streams\":-1,\"consumer\":-1") + "\n}";
        }

        private String accountJwt(NKey key, String name, String jetStreamLimits) throws Exception {
            return JwtUtils.issueJWT(operator, new String(key.getPublicKey()), name, null,
                    JwtUtils.currentTimeSeconds(), new String(operator.getPublicKey()),
                    () -> "{\"type\":\"account\",\"version\":2,\"limits\":{\"subs\":-1,\"data\":-1,"
                            + "\"payload\":-1,\"imports\":-1,\"exports\":-1,\"wildcards\":true,\"conn\":-1,"
                            + "\"leaf\":-1" + jetStreamLimits + "}}");
        }

        /** The user's JWT and seed, in the file {@code nsc generate creds} writes. */
        Path userCredentials(Path file) throws Exception {
            String jwt = JwtUtils.issueUserJWT(account, new String(account.getPublicKey()),
                    new String(user.getPublicKey()), "queue user");
            return Files.writeString(file, String.format(JwtUtils.NATS_USER_JWT_FORMAT, jwt, userSeed));
        }
    }

    record Run(int exit, String out, String err) {}

    /** {@code supplygraph ARGS} in a JVM of its own, with this environment besides (and no token but this one). */
    private Run supplygraph(Map<String, String> environment, String... args) throws Exception {
        return supplygraph(environment, List.of(), args);
    }

    private Run supplygraph(Map<String, String> environment, List<String> jvmOptions, String... args)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(QueueOption.TOKEN_ENVIRONMENT);
        builder.environment().remove("SUPPLYGRAPH_DEBUG");
        builder.environment().putAll(environment);
        Process child = builder.start();
        child.getOutputStream().close();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new AssertionError("supplygraph " + String.join(" ", args) + " did not end within 60 s: "
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Run(child.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
