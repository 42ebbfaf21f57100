package io.supplygraph.server.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.ObjectStore;
import io.nats.client.PublishOptions;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.ObjectStoreConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.impl.Headers;
import io.supplygraph.analysis.jobs.Jobs;
import io.supplygraph.analysis.view.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * The job queue on NATS JetStream: documents' bytes in an object store, a work-queue stream of jobs that refer to
 * them, one durable pull consumer that every worker shares (so each job goes to one worker at a time), and a
 * dead-letter stream for jobs that failed every attempt. Whatever it answers, NATS has acknowledged: a publish
 * returns only once the stream stored the message, so a server that answers 202 after {@link #publish} promises
 * nothing NATS has not already kept.
 *
 * <p>Streams and buckets are created on first use with the options' replicas; one that exists is used as it is,
 * so an operator may tune retention or limits with the {@code nats} CLI without this undoing it.
 */
public final class JobQueue implements AutoCloseable {

    static final int DEAD_LETTERS_SHOWN = 100;
    /** The dead-letter message's headers: the job's id, why its last attempt failed, how many there were. */
    static final String JOB = "Supplygraph-Job";
    static final String REASON = "Supplygraph-Reason";
    static final String ATTEMPTS = "Supplygraph-Attempts";
    static final String FAILED = "Supplygraph-Failed";
    /** How long a publish waits for NATS's acknowledgement before the upload is answered 503. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);
    /** NATS's error code for a stream that does not exist. */
    private static final int NO_STREAM = 10059;
    /** NATS's error code for a message that is not there (deleted, or never was). */
    private static final int NO_MESSAGE = 10037;

    private final QueueOptions options;
    private final Connection connection;
    private final JetStream jetStream;
    private final JetStreamManagement management;
    private final ObjectStore documents;
    private final ObjectMapper json = Json.mapper();
    private JetStreamSubscription subscription;

    private JobQueue(QueueOptions options, Connection connection) throws IOException, JetStreamApiException {
        this.options = options;
        this.connection = connection;
        this.management = connection.jetStreamManagement();
        declare();
        this.jetStream = connection.jetStream();
        this.documents = connection.objectStore(options.documentsBucket());
    }

    /** Connects as {@code clientName} (shown by NATS's monitoring) and creates what is missing of the queue. */
    public static JobQueue connect(QueueOptions options, String clientName) {
        Connection connection = null;
        QuietUntilConnected log = new QuietUntilConnected();
        try {
            connection = Nats.connect(options.connection(clientName, log));
            return new JobQueue(options, connection);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            closeQuietly(connection);
            throw QueueException.of("connecting to the queue at " + options.location(), log.explain(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueueException.of("connecting to the queue at " + options.location(), e);
        }
    }

    public QueueOptions options() {
        return options;
    }

    private void declare() throws IOException, JetStreamApiException {
        createStream(StreamConfiguration.builder().name(options.jobsStream()).subjects(options.jobsSubjects())
                .retentionPolicy(RetentionPolicy.WorkQueue).storageType(StorageType.File)
                .replicas(options.replicas()).build());
        createStream(StreamConfiguration.builder().name(options.deadStream()).subjects(options.deadSubject("*"))
                .retentionPolicy(RetentionPolicy.Limits).storageType(StorageType.File)
                .replicas(options.replicas()).build());
        // Delivered without limit: the workers count the attempts. A delivery past the last attempt is the sign
        // that workers died holding the job (each SIGKILL or OOM is an attempt no one could report), and it goes to
        // the dead letters instead of killing one more worker. Were NATS to stop delivering after the last attempt,
        // a job whose dead-lettering failed then (NATS briefly away) would stay in the stream for ever, neither
        // delivered nor dead.
        management.addOrUpdateConsumer(options.jobsStream(), ConsumerConfiguration.builder()
                .durable(QueueOptions.CONSUMER).filterSubject(options.jobsSubjects())
                .ackPolicy(AckPolicy.Explicit).ackWait(options.ackWait()).maxDeliver(-1)
                .build());
        if (!exists("OBJ_" + options.documentsBucket())) {
            connection.objectStoreManagement().create(ObjectStoreConfiguration.builder(options.documentsBucket())
                    .storageType(StorageType.File).replicas(options.replicas()).build());
        }
        if (!exists("KV_" + options.workersBucket())) {
            connection.keyValueManagement().create(KeyValueConfiguration.builder().name(options.workersBucket())
                    .storageType(StorageType.Memory).maxHistoryPerKey(1).ttl(WorkerRegistry.TTL)
                    .replicas(options.replicas()).build());
        }
    }

    private void createStream(StreamConfiguration config) throws IOException, JetStreamApiException {
        if (!exists(config.getName())) {
            management.addStream(config);
        }
    }

    private boolean exists(String stream) throws IOException, JetStreamApiException {
        try {
            management.getStreamInfo(stream);
            return true;
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_STREAM) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Stores each file's bytes in the object store, then publishes the job that refers to them; returns once NATS
     * has acknowledged all of it.
     */
    public QueuedJob publish(Jobs.Job job, List<Path> files, io.supplygraph.ingest.ReleaseNaming naming) {
        List<QueuedJob.Document> stored = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                String object = job.id() + "/" + i;
                try (InputStream in = Files.newInputStream(files.get(i))) {
                    documents.put(object, in);
                }
                stored.add(new QueuedJob.Document(object, files.get(i).getFileName().toString()));
            }
            QueuedJob queued = new QueuedJob(job.id(), job.kind(), job.source(), job.created(), stored, List.of(),
                    naming);
            send(queued, job.id());
            return queued;
        } catch (IOException | JetStreamApiException | java.security.NoSuchAlgorithmException | RuntimeException e) {
            throw QueueException.of("queueing job " + job.id() + " at " + options.location(), e);
        }
    }

    /** Publishes a re-match job for these match keys; returns once NATS has acknowledged it. */
    public QueuedJob publishRematch(Jobs.Job job, List<String> keys) {
        QueuedJob queued = new QueuedJob(job.id(), job.kind(), job.source(), job.created(), List.of(), keys);
        send(queued, job.id());
        return queued;
    }

    /**
     * Publishes a job: the id NATS deduplicates by is {@code messageId}, so a publish repeated after a lost
     * acknowledgement does not queue the job twice.
     */
    void send(QueuedJob job, String messageId) {
        try {
            jetStream.publish(options.jobsSubject(job.kind().label()), json.writeValueAsBytes(job),
                    PublishOptions.builder().messageId(messageId).streamTimeout(PUBLISH_TIMEOUT).build());
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("publishing job " + job.id() + " at " + options.location(), e);
        }
    }

    /** The next job for this worker, waiting up to {@code wait}; empty when there is none. */
    public Optional<Delivery> next(Duration wait) {
        try {
            if (subscription == null) {
                subscription = jetStream.subscribe(options.jobsSubjects(),
                        PullSubscribeOptions.bind(options.jobsStream(), QueueOptions.CONSUMER));
            }
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("subscribing to " + options.jobsStream(), e);
        }
        List<Message> messages = subscription.fetch(1, wait);
        return messages.isEmpty() ? Optional.empty() : Optional.of(new Delivery(this, messages.get(0)));
    }

    QueuedJob read(Message message) throws IOException {
        return json.readValue(message.getData(), QueuedJob.class);
    }

    /** Writes a document's bytes to {@code target}; the object store checks them against their digest. */
    void download(QueuedJob.Document document, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            documents.get(document.object(), out);
        } catch (IllegalArgumentException notThere) {
            // jnats's way of saying the object is not there (OS-90201)
            throw new IOException("the bytes of " + document.name() + " are not in the object store "
                    + options.documentsBucket() + " (object " + document.object() + "): " + notThere.getMessage(),
                    notThere);
        } catch (JetStreamApiException | java.security.NoSuchAlgorithmException e) {
            throw new IOException("reading " + document.object() + " from " + options.documentsBucket() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + document.object(), e);
        }
    }

    /** Removes a finished job's documents from the object store: the graph holds what they said. */
    void forget(QueuedJob job) {
        for (QueuedJob.Document document : job.documents()) {
            try {
                documents.delete(document.object());
            } catch (IOException | JetStreamApiException e) {
                // Left behind, it costs space until an operator purges the bucket; the job itself is done.
                java.util.logging.Logger.getLogger(JobQueue.class.getName()).warning("could not remove "
                        + document.object() + " from " + options.documentsBucket() + ": " + e.getMessage());
            }
        }
    }

    /** Keeps the job, with why it failed, in the dead-letter stream; the documents stay for a retry. */
    void deadLetter(Message message, String jobId, String kind, int attempts, String reason) {
        Headers headers = new Headers().put(JOB, jobId).put(ATTEMPTS, Integer.toString(attempts))
                .put(REASON, oneLine(reason)).put(FAILED, Instant.now().toString());
        try {
            // One delivery's dead letter is stored once, even when the acknowledgement after it was lost and the
            // next delivery's worker dead-letters it again: JetStream drops a repeated message id.
            jetStream.publish(options.deadSubject(kind), headers, message.getData(),
                    PublishOptions.builder().streamTimeout(PUBLISH_TIMEOUT)
                            .messageId("dead-" + jobId + "-" + message.metaData().streamSequence()).build());
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("dead-lettering job " + jobId, e);
        }
    }

    /** Header values are one line of printable text: a stack of causes joined, long ones cut. */
    private static String oneLine(String reason) {
        String line = String.valueOf(reason).replaceAll("[\\r\\n\\t]+", " ").replaceAll("[^\\x20-\\x7E]", "?");
        return line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
    }

    /**
     * Queues dead-lettered jobs again, every one or the one with this id, and removes them from the dead letters;
     * returns their ids. Each starts again with all its attempts.
     */
    public List<String> retry(Optional<String> jobId) {
        List<String> retried = new ArrayList<>();
        try {
            for (MessageInfo dead : deadLetters(Long.MAX_VALUE)) {
                String id = dead.getHeaders().getFirst(JOB);
                if (jobId.isPresent() && !jobId.get().equals(id)) {
                    continue;
                }
                QueuedJob job = json.readValue(dead.getData(), QueuedJob.class);
                send(job, id + "-retry-" + dead.getSeq());
                management.deleteMessage(options.deadStream(), dead.getSeq());
                retried.add(id);
            }
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("retrying dead-lettered jobs at " + options.location(), e);
        }
        return retried;
    }

    /** Pending, in progress, dead-lettered, and what each worker last said. */
    public QueueStatus status() {
        try {
            ConsumerInfo consumer = management.getConsumerInfo(options.jobsStream(), QueueOptions.CONSUMER);
            StreamInfo dead = management.getStreamInfo(options.deadStream());
            List<DeadLetter> letters = new ArrayList<>();
            for (MessageInfo m : deadLetters(DEAD_LETTERS_SHOWN)) {
                QueuedJob job = json.readValue(m.getData(), QueuedJob.class);
                Headers h = m.getHeaders();
                letters.add(new DeadLetter(h.getFirst(JOB), job.kind(), job.source(),
                        Integer.parseInt(h.getFirst(ATTEMPTS)), h.getFirst(REASON), h.getFirst(FAILED)));
            }
            return new QueueStatus(options.location(), consumer.getNumPending(), consumer.getNumAckPending(),
                    consumer.getRedelivered(), dead.getStreamState().getMsgCount(), letters, workers().all(), null);
        } catch (IOException | JetStreamApiException e) {
            throw QueueException.of("reading the queue's state at " + options.location(), e);
        }
    }

    /** The dead letters in the order they failed, at most {@code limit}. */
    private List<MessageInfo> deadLetters(long limit) throws IOException, JetStreamApiException {
        StreamInfo info = management.getStreamInfo(options.deadStream());
        List<MessageInfo> letters = new ArrayList<>();
        if (info.getStreamState().getMsgCount() == 0) {
            return letters;
        }
        long last = info.getStreamState().getLastSequence();
        for (long seq = info.getStreamState().getFirstSequence(); seq <= last && letters.size() < limit; seq++) {
            try {
                letters.add(management.getMessage(options.deadStream(), seq));
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != NO_MESSAGE) {
                    throw e;
                }
            }
        }
        return letters;
    }

    /** The workers' registry, in this queue's key-value bucket. */
    public WorkerRegistry workers() {
        try {
            return new WorkerRegistry(connection.keyValue(options.workersBucket()), json);
        } catch (IOException e) {
            throw QueueException.of("opening " + options.workersBucket(), e);
        }
    }

    /**
     * Removes the queue: its streams and buckets, with every job, document and dead letter in them. For tests and
     * benchmarks, which each make a queue of their own.
     */
    public void delete() {
        for (String stream : List.of(options.jobsStream(), options.deadStream(), "OBJ_" + options.documentsBucket(),
                "KV_" + options.workersBucket())) {
            try {
                management.deleteStream(stream);
            } catch (IOException | JetStreamApiException e) {
                throw QueueException.of("deleting " + stream, e);
            }
        }
    }

    void acknowledge(Message message) {
        try {
            message.ackSync(PUBLISH_TIMEOUT);
        } catch (TimeoutException e) {
            throw QueueException.of("acknowledging a job", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw QueueException.of("acknowledging a job", e);
        }
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
