package io.supplygraph.server;

import io.supplygraph.server.ops.AccessLog;
import java.nio.file.Path;

/**
 * The main class of a server in a child JVM, started and stopped the way {@code supplygraph serve} does it (that
 * command is in the cli module, which depends on this one). It prints {@link #LISTENING} and its URL once it
 * answers.
 *
 * <pre>java -cp ... io.supplygraph.server.ChildServer DATABASE SPOOL</pre>
 */
public final class ChildServer {

    static final String LISTENING = "LISTENING ";

    private ChildServer() {}

    public static void main(String[] args) throws InterruptedException {
        ServerOptions options = ServerOptions.defaults(args[0], Path.of(args[1])).withPort(0)
                .withAccessLog(AccessLog.Format.TEXT, System.out);
        Server server = Server.start(options);
        System.out.println(LISTENING + server.url());
        System.out.flush();
        server.serveUntilStopped();
    }
}
