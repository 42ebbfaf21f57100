package io.supplygraph.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A server in a child JVM ({@link ChildServer}), with a write and a read token for it. */
final class ServerProcess extends ApiClient implements AutoCloseable {

    final Process process;
    private final ChildProcess child;

    private ServerProcess(URI url, Tokens tokens, String database, ChildProcess child) {
        super(url, tokens, database);
        this.child = child;
        this.process = child.process;
    }

    /**
     * Starts a server on {@code database} and {@code spool} with these JVM options, and a write and a read token
     * for it; returns once it listens.
     *
     * @param logs where the child's stdout and stderr go, as {@code NAME.out} and {@code NAME.err}
     */
    static ServerProcess start(String name, String database, Path spool, List<String> jvmOptions, Path logs)
            throws IOException, InterruptedException {
        Tokens tokens = Tokens.createIn(database);
        ChildProcess.Started started = ChildProcess.start(name, ChildServer.class, jvmOptions,
                List.of(database, spool.toString()), logs, ChildServer.LISTENING);
        return new ServerProcess(URI.create(started.rest()), tokens, database, started.child());
    }

    void kill() {
        child.kill();
    }

    void terminate() {
        child.terminate();
    }

    Optional<Integer> exitWithin(Duration limit) throws InterruptedException {
        return child.exitWithin(limit);
    }

    String output() {
        return child.output();
    }

    @Override
    public void close() {
        kill();
    }
}
