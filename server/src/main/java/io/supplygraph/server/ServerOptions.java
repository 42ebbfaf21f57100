package io.supplygraph.server;

import io.supplygraph.ingest.osv.OsvSync;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.server.ops.AccessLog;
import io.supplygraph.server.queue.QueueOptions;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * How a server runs.
 *
 * @param database       a JDBC URL or an SQLite file path, as the CLI's {@code --db}
 * @param bind           the address to listen on; loopback unless told otherwise
 * @param port           the port; 0 picks a free one
 * @param spool          where uploads wait on disk until they are ingested
 * @param anonymousRead  whether reads need no token; null means: only when bound to loopback
 * @param accessLog      how each request is logged
 * @param log            where the access log and the server's own lines go
 * @param maxUploadBytes the most bytes one upload may have, as sent (compressed)
 * @param maxPending     the most uploads received or ingested at once before 503
 * @param maxJobs        the most jobs queued before 503
 * @param ingestThreads  how many uploads are parsed and stored at once (reads never wait for them)
 * @param osv            where {@code POST /api/v1/advisories/sync} downloads OSV's exports from, and caches them
 * @param queue          the NATS queue uploads become jobs on, for workers to ingest; null: this server ingests
 */
public record ServerOptions(String database, String bind, int port, Path spool, Boolean anonymousRead,
        AccessLog.Format accessLog, PrintStream log, long maxUploadBytes, int maxPending, int maxJobs,
        int ingestThreads, OsvSource osv, QueueOptions queue) {

    /** OSV's bulk exports: where from, and the folder they are cached in. */
    public record OsvSource(java.net.URI base, Path cache) {}

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    /** The defaults of {@code supplygraph serve} for a database, with the CLI's per-source limit for uploads. */
    public static ServerOptions defaults(String database, Path spool) {
        return new ServerOptions(database, DEFAULT_BIND, DEFAULT_PORT, spool, null, AccessLog.Format.TEXT, System.out,
                SourceLimits.defaults().maxTotalBytes(), 64, 1000, 1,
                new OsvSource(OsvSync.DEFAULT_BASE, spool.resolveSibling("osv")), null);
    }

    public ServerOptions withPort(int port) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withBind(String bind) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withAnonymousRead(Boolean anonymousRead) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withAccessLog(AccessLog.Format accessLog, PrintStream log) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withLimits(long maxUploadBytes, int maxPending, int maxJobs) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withIngestThreads(int ingestThreads) {
        if (ingestThreads < 1) {
            throw new IllegalArgumentException("--ingest-threads must be 1 or more, not " + ingestThreads);
        }
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withOsv(OsvSource osv) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    public ServerOptions withQueue(QueueOptions queue) {
        return new ServerOptions(database, bind, port, spool, anonymousRead, accessLog, log, maxUploadBytes, maxPending,
                maxJobs, ingestThreads, osv, queue);
    }

    /** Anonymous reads are on by default only where nobody but this machine can connect. */
    public boolean allowsAnonymousRead() {
        if (anonymousRead != null) {
            return anonymousRead;
        }
        return bind.equals("127.0.0.1") || bind.equals("::1") || bind.equals("localhost");
    }
}
