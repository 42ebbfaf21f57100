package io.supplygraph.ingest;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The single thread that stores parsed documents, so that storing one overlaps with parsing the next. The
 * queue is short on purpose: it bounds how many parsed documents wait in memory. Rejections pass through the
 * same queue so that the listener hears about documents in the order they were read.
 */
final class StoreWriter implements AutoCloseable {

    private static final int QUEUE_LENGTH = 4;

    private record Job(String source, DocumentRecord record, String rejection) {}

    private static final Job END = new Job(null, null, null);

    private final DocumentStore store;
    private final IngestListener listener;
    private final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
    private final Thread thread;
    private int stored;
    private int alreadyStored;
    private int rejected;
    private long components;
    private long bytes;
    private volatile RuntimeException failure;

    StoreWriter(DocumentStore store, IngestListener listener) {
        this.store = store;
        this.listener = listener;
        this.thread = new Thread(this::run, "supplygraph-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(String source, DocumentRecord record) {
        put(new Job(source, record, null));
    }

    void rejected(String source, String reason) {
        put(new Job(source, null, reason));
    }

    private void put(Job job) {
        throwIfFailed();
        try {
            queue.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing " + job.source(), e);
        }
    }

    private void run() {
        try {
            for (Job job = queue.take(); job != END; job = queue.take()) {
                if (failure == null) {
                    write(job);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Job job) {
        try {
            if (job.rejection() != null) {
                rejected++;
                listener.rejected(job.source(), job.rejection());
            } else if (store.store(job.record())) {
                stored++;
                components += job.record().facts().componentCount();
                bytes += job.record().sizeBytes();
                listener.stored(job.source(), job.record());
                if (!job.record().facts().warnings().isEmpty()) {
                    listener.warnings(job.source(), job.record().facts().warnings());
                }
            } else {
                alreadyStored++;
                listener.alreadyStored(job.source(), job.record().digest());
            }
        } catch (RuntimeException e) {
            // A store that fails (disk full, server gone) fails the batch: going on would only reject the rest.
            failure = e;
        }
    }

    /** Waits for every queued document to be written and returns the counts. */
    IngestSummary finish() {
        close();
        throwIfFailed();
        return new IngestSummary(stored, alreadyStored, rejected, components, bytes);
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw new IllegalStateException("storing documents failed: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        if (!thread.isAlive()) {
            return;
        }
        try {
            queue.put(END);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
