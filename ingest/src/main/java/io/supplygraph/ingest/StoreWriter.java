package io.supplygraph.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * The single thread that stores parsed documents, so that storing overlaps with parsing. Whatever has queued up
 * while the last batch was written is stored as the next batch, in one transaction ({@link DocumentStore#storeAll}):
 * when the store is the bottleneck the batches grow by themselves, and when parsing is, documents are stored as
 * soon as they arrive. The queue is bounded by components, not documents, so that a batch of huge SBOMs cannot
 * exhaust memory while a portfolio of small ones still forms large batches. Rejections pass through the same queue
 * so that the listener hears about documents in the order they were read.
 */
final class StoreWriter implements AutoCloseable {

    /** Components parsed but not yet stored, at most: a few hundred typical SBOMs, or one very large one. */
    static final int MAX_QUEUED_COMPONENTS = 250_000;

    /** Documents per transaction, at most: bounds how much one failure-and-retry has to redo. */
    static final int MAX_BATCH = 200;

    private record Job(String source, DocumentRecord record, String rejection, int permits) {}

    private static final Job END = new Job(null, null, null, 0);

    private final DocumentStore store;
    private final IngestListener listener;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Semaphore budget = new Semaphore(MAX_QUEUED_COMPONENTS);
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
        int permits = Math.max(1, Math.min(MAX_QUEUED_COMPONENTS, record.facts().componentCount()));
        put(new Job(source, record, null, permits));
    }

    void rejected(String source, String reason) {
        put(new Job(source, null, reason, 0));
    }

    private void put(Job job) {
        throwIfFailed();
        try {
            budget.acquire(job.permits());
            queue.put(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing " + job.source(), e);
        }
    }

    private void run() {
        try {
            boolean ended = false;
            while (!ended) {
                List<Job> batch = new ArrayList<>();
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                ended = batch.remove(END);
                if (failure == null && !batch.isEmpty()) {
                    write(batch);
                }
                batch.forEach(job -> budget.release(job.permits()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Job> batch) {
        try {
            List<DocumentRecord> records = new ArrayList<>();
            for (Job job : batch) {
                if (job.record() != null) {
                    records.add(job.record());
                }
            }
            List<StoreResult> results = records.isEmpty() ? List.of() : store.storeAll(records);
            int next = 0;
            for (Job job : batch) {
                if (job.rejection() != null) {
                    rejected++;
                    listener.rejected(job.source(), job.rejection());
                } else {
                    report(job, results.get(next++));
                }
            }
        } catch (RuntimeException e) {
            // A store that fails (disk full, server gone) fails the batch: going on would only reject the rest.
            failure = e;
        }
    }

    private void report(Job job, StoreResult result) {
        DocumentRecord record = job.record();
        if (result.failed()) {
            rejected++;
            listener.rejected(job.source(), result.failure());
        } else if (result.stored()) {
            stored++;
            components += record.facts().componentCount();
            bytes += record.sizeBytes();
            listener.stored(job.source(), record);
            if (!record.facts().warnings().isEmpty()) {
                listener.warnings(job.source(), record.facts().warnings());
            }
        } else {
            alreadyStored++;
            listener.alreadyStored(job.source(), record.digest());
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
