package io.supplygraph.server;

import io.supplygraph.server.ops.AccessLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** A server started in the test's JVM on a free loopback port, with a write and a read token. */
final class RunningServer extends ApiClient implements AutoCloseable {

    final Server server;
    final ByteArrayOutputStream log;

    private RunningServer(Server server, Tokens tokens, String database, ByteArrayOutputStream log) {
        super(server.url(), tokens, database);
        this.server = server;
        this.log = log;
    }

    static RunningServer start(String database, Path spool) {
        return start(database, spool, o -> o);
    }

    static RunningServer start(String database, Path spool, UnaryOperator<ServerOptions> options) {
        Tokens tokens = Tokens.createIn(database);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ServerOptions base = ServerOptions.defaults(database, spool).withPort(0)
                .withAccessLog(AccessLog.Format.JSON, new PrintStream(log, true, StandardCharsets.UTF_8));
        Server server = Server.start(options.apply(base));
        return new RunningServer(server, tokens, database, log);
    }

    @Override
    public void close() {
        server.stop();
    }
}
