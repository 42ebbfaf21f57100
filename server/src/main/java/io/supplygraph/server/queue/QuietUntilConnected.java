package io.supplygraph.server.queue;

import io.nats.client.AuthenticationException;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.impl.ErrorListenerLoggerImpl;
import java.io.IOException;

/**
 * jnats's own logging of errors, except while the first connection is made: a refused sign-in, an untrusted
 * certificate or a server that does not answer then comes back as the exception from {@code Nats.connect}, which
 * {@link JobQueue#connect} turns into one line naming the URL. Logged as well, the same error reached the user of a
 * command such as {@code queue status} a second and third time, as java.util.logging's two-line SEVERE records.
 * Once connected (a worker, a server), what goes wrong is logged as jnats always did: a lost connection, each
 * reconnect attempt.
 *
 * <p>jnats calls both listeners on one callback thread, in order, and drains it before {@code Nats.connect} throws,
 * so no error after the connection is missed and every error before it is here for {@link #explain}.
 */
final class QuietUntilConnected extends ErrorListenerLoggerImpl implements ConnectionListener {

    /** jnats's message when no server took the connection, whatever the reason: it keeps the reason to itself. */
    private static final String NO_SERVER = "Unable to connect to NATS servers";

    private volatile boolean connected;
    private volatile String firstFailure;

    @Override
    public void connectionEvent(Connection connection, Events event) {
        if (event == Events.CONNECTED) {
            connected = true;
        }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
        if (connected) {
            super.errorOccurred(connection, error);
        } else if (firstFailure == null) {
            firstFailure = error;
        }
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        if (connected) {
            super.exceptionOccurred(connection, exception);
        } else if (firstFailure == null) {
            firstFailure = reason(exception);
        }
    }

    /**
     * {@code thrown}, or, when it is jnats's "Unable to connect" that says no more than the URLs, an exception that
     * says why the first server refused: the connection refused, the certificate not trusted.
     */
    Exception explain(Exception thrown) {
        String why = firstFailure;
        if (thrown instanceof AuthenticationException || why == null || thrown.getMessage() == null
                || !thrown.getMessage().startsWith(NO_SERVER)) {
            return thrown;
        }
        return new IOException(why, thrown);
    }

    /**
     * The innermost cause's message, the most specific ("Connection refused"); for TLS, what is wrong with the
     * server's certificate and, when it is not trusted, how to trust it.
     */
    private static String reason(Throwable e) {
        Throwable root = e;
        boolean tls = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            tls |= t instanceof javax.net.ssl.SSLException;
            root = t;
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host " + message;
        }
        if (root instanceof java.util.concurrent.TimeoutException) {
            // Among others, what a TLS server that wants a client certificate leaves a client without one to see.
            return "the server did not complete the connection in time (" + message + ")";
        }
        if (root instanceof java.security.cert.CertPathBuilderException) {
            return "TLS: the server's certificate is not trusted (" + message + "); give its CA with --queue-ca";
        }
        return tls ? "TLS: " + message : message;
    }
}
