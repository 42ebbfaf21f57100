package io.supplygraph.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/** OSV's bulk exports as a server's {@code --osv-url} reads them: one ecosystem's {@code all.zip}, on loopback. */
final class OsvMirror implements AutoCloseable {

    private final HttpServer http;

    private OsvMirror(HttpServer http) {
        this.http = http;
    }

    static OsvMirror serving(String ecosystem, byte[] export) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/" + ecosystem + "/all.zip", x -> {
            x.sendResponseHeaders(200, export.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(export);
            }
        });
        http.start();
        return new OsvMirror(http);
    }

    /** The source a server syncs from, caching its downloads in {@code cache}. */
    ServerOptions.OsvSource source(Path cache) {
        return new ServerOptions.OsvSource(URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/"), cache);
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
