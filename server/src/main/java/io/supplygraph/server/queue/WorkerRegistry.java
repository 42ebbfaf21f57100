package io.supplygraph.server.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where workers say what they do: one key per worker in a key-value bucket whose entries expire after {@link #TTL},
 * so that a worker that died without a word (SIGKILL) drops out of {@code queue status} on its own.
 */
public final class WorkerRegistry {

    /** How long a worker's last word counts: three of its heartbeats. */
    static final Duration TTL = Duration.ofSeconds(30);
    public static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final KeyValue bucket;
    private final ObjectMapper json;

    WorkerRegistry(KeyValue bucket, ObjectMapper json) {
        this.bucket = bucket;
        this.json = json;
    }

    public void say(WorkerStatus status) {
        try {
            bucket.put(key(status.name()), json.writeValueAsBytes(status));
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("recording worker " + status.name(), e);
        }
    }

    /** A worker that stops cleanly leaves at once rather than after {@link #TTL}. */
    public void leave(String name) {
        try {
            bucket.delete(key(name));
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("removing worker " + name, e);
        }
    }

    /** Every worker heard from within {@link #TTL}, by name. */
    List<WorkerStatus> all() {
        List<WorkerStatus> workers = new ArrayList<>();
        try {
            for (String key : bucket.keys()) {
                KeyValueEntry entry = bucket.get(key);
                if (entry != null && entry.getValue() != null) {
                    workers.add(json.readValue(entry.getValue(), WorkerStatus.class));
                }
            }
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("listing workers", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueueException.of("listing workers", e);
        }
        workers.sort(Comparator.comparing(WorkerStatus::name));
        return workers;
    }

    /** Keys allow letters, digits and {@code -/_=.}: anything else in a worker's name becomes '_'. */
    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9_=.-]", "_");
    }
}
