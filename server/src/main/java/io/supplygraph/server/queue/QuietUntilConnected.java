package io.supplygraph.server.queue;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.impl.ErrorListenerLoggerImpl;

/**
 * jnats's own logging of errors, except while the first connection is made: a refused sign-in, an untrusted
 * certificate or a server that does not answer then comes back as the exception from {@code Nats.connect}, which
 * {@link JobQueue#connect} turns into one line naming the URL. Logged as well, the same error reached the user of a
 * command such as {@code queue status} a second and third time, as java.util.logging's two-line SEVERE records.
 * Once connected (a worker, a server), what goes wrong is logged as jnats always did: a lost connection, each
 * reconnect attempt.
 *
 * <p>jnats calls both listeners on one callback thread, in order, so no error after the connection is missed.
 */
final class QuietUntilConnected extends ErrorListenerLoggerImpl implements ConnectionListener {

    private volatile boolean connected;

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
        }
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
        if (connected) {
            super.exceptionOccurred(connection, exception);
        }
    }
}
