package io.supplygraph.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The servers a test starts, each stopped when the test ends: a PostgreSQL server has a bounded number of
 * connections to give, and a server left running would hold some for the rest of the run.
 */
final class Servers implements AfterEachCallback {

    private final List<RunningServer> started = new ArrayList<>();

    RunningServer start(String database, Path spool) {
        return start(database, spool, o -> o);
    }

    RunningServer start(String database, Path spool, UnaryOperator<ServerOptions> options) {
        RunningServer server = RunningServer.start(database, spool, options);
        started.add(server);
        return server;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(RunningServer::close);
        started.clear();
    }
}
