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
 * exhaust memory while a portfolio of small ones still forms large batches; and by documents, since an OSV record
 * lists no components at all. Rejections pass through the same queue so that the listener hears about documents in
 * the order they were read.
 *
 * <p>The store retries what can pass on a second try; when it gives up (the server is gone for good, the disk is
 * full) the writer stores nothing more, and every document from the failed batch on is reported not attempted.
 * Whatever fails, even an Error, the writer goes on draining the queue and releasing its budget, so the thread
 * that parses never waits forever on a writer that stopped.
 */
final class StoreWriter implements AutoCloseable {

    /** Components parsed but not yet stored, at most: a few hundred typical SBOMs, or one very large one. */
    static final int MAX_QUEUED_COMPONENTS = 250_000;

    /**
     * Batches queued, at most, counted in documents: enough to keep the writer busy. Without it, records that list
     * no components (advisories) would queue by the hundred thousand while the store matches the first ones.
     */
    static final int QUEUED_BATCHES = 5;

    private enum Kind { STORE, REJECTED, SKIPPED, NOT_READ, END }

    private record Job(Kind kind, String source, DocumentRecord record, String reason, int permits) {}

    private static final Job END = new Job(Kind.END, null, null, null, 0);

    private final DocumentStore store;
    private final IngestListener listener;
    private final int maxBatch;
    private final LinkedBlockingQueue<Job> queue;
    private final Semaphore budget = new Semaphore(MAX_QUEUED_COMPONENTS);
    private final StoreRetries retriesBefore;
    private final Thread thread;
    private final List<String> notAttempted = new ArrayList<>();
    private int stored;
    private int alreadyStored;
    private int skipped;
    private int rejected;
    private long components;
    private long bytes;
    private volatile String failure;

    /** @param maxBatch documents per transaction, at most: bounds how much one failure-and-retry has to redo */
    StoreWriter(DocumentStore store, IngestListener listener, int maxBatch) {
        this.store = store;
        this.listener = listener;
        this.maxBatch = maxBatch;
        this.queue = new LinkedBlockingQueue<>(QUEUED_BATCHES * maxBatch);
        this.retriesBefore = store.retries();
        this.thread = new Thread(this::run, "supplygraph-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(String source, DocumentRecord record) {
        int permits = Math.max(1, Math.min(MAX_QUEUED_COMPONENTS, record.facts().componentCount()));
        put(new Job(Kind.STORE, source, record, null, permits));
    }

    void rejected(String source, String reason) {
        put(new Job(Kind.REJECTED, source, null, reason, 0));
    }

    /** A file of no format the command reads, passed over without failing the command. */
    void skipped(String source, String reason) {
        put(new Job(Kind.SKIPPED, source, null, reason, 0));
    }

    /** A document not even read, since the store failed: it is reported in order with the others. */
    void notRead(String source) {
        put(new Job(Kind.NOT_READ, source, null, null, 0));
    }

    /** True once the store failed for good: documents not read yet need not be. */
    boolean failed() {
        return failure != null;
    }

    private void put(Job job) {
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
                queue.drainTo(batch, maxBatch - 1);
                ended = batch.remove(END);
                try {
                    write(batch);
                } finally {
                    batch.forEach(job -> budget.release(job.permits()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<Job> batch) {
        List<DocumentRecord> records = new ArrayList<>();
        for (Job job : batch) {
            if (job.kind() == Kind.STORE) {
                records.add(job.record());
            }
        }
        List<StoreResult> results = List.of();
        if (failure == null && !records.isEmpty()) {
            try {
                results = store.storeAll(records);
            } catch (Throwable e) { // an Error too: the producer must hear of it, and the budget be released
                failure = describe(e);
            }
        }
        int next = 0;
        for (Job job : batch) {
            switch (job.kind()) {
                case REJECTED -> {
                    rejected++;
                    listener.rejected(job.source(), job.reason());
                }
                case SKIPPED -> {
                    skipped++;
                    listener.skipped(job.source(), job.reason());
                }
                case STORE -> {
                    if (failure == null) {
                        report(job, results.get(next++));
                    } else {
                        notAttempted(job.source());
                    }
                }
                case NOT_READ -> notAttempted(job.source());
                case END -> throw new IllegalStateException("END is taken out of the batch");
            }
        }
    }

    private void notAttempted(String source) {
        notAttempted.add(source);
        listener.notAttempted(source);
    }

    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory while storing (raise the heap, e.g. SUPPLYGRAPH_JAVA_OPTS=-Xmx2g)";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
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

    /** Waits for every queued document to be written (or, after a failure, passed over) and returns the counts. */
    IngestSummary finish() {
        close();
        return new IngestSummary(stored, alreadyStored, skipped, rejected, components, bytes, notAttempted,
                store.retries().since(retriesBefore), failure);
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
