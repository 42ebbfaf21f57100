package io.supplygraph.ingest.osv;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.DocumentStore;
import io.supplygraph.ingest.StoreResult;
import io.supplygraph.ingest.source.DocumentSources;
import io.supplygraph.ingest.source.SourceDocument;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.source.SourceVisitor;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.AdvisoryFacts;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Imports OSV records from files, directories and zip archives laid out like OSV's bulk exports
 * ({@code <Ecosystem>/all.zip}): each record is a document of its own (its sha256, its facts), so the same bytes
 * twice are a no-op, and the store decides by {@code modified} whether a record replaces the one it has. Records
 * are handed to the store in batches, since one transaction per 1 KB record would cost more than the record.
 *
 * <p>Files that are not OSV records (a LICENSE beside the JSON) are skipped and counted, not rejected; a file that
 * is meant to be one (JSON, or YAML with an {@code id:} line) but does not read is rejected with the reason.
 */
public final class OsvImporter {

    /** What happens to each file, as it happens. */
    public interface Listener {
        default void imported(String source, String id, boolean alreadyStored) {}

        default void skipped(String source, String reason) {}

        default void rejected(String source, String reason) {}
    }

    public record Summary(int stored, int alreadyStored, int skipped, int rejected) {
        public boolean allAccepted() {
            return rejected == 0;
        }
    }

    /** OSV bulk exports hold one small file per record, hundreds of thousands for npm's malicious packages. */
    static final SourceLimits LIMITS = new SourceLimits(16L << 20, 32L << 30, 5_000_000, 100, 3);
    private static final int BATCH = 500;
    private static final Pattern YAML_ID = Pattern.compile("(?m)^id:\\s*\\S");

    private final DocumentStore store;
    private final OsvReader reader = new OsvReader();

    public OsvImporter(DocumentStore store) {
        this.store = store;
    }

    public Summary importAll(List<String> sources, InputStream stdin, Listener listener) {
        Batch batch = new Batch(listener);
        new DocumentSources(LIMITS, stdin).walk(sources, new SourceVisitor() {
            @Override
            public void accept(SourceDocument document) throws IOException {
                byte[] bytes;
                try (InputStream in = document.open()) {
                    bytes = in.readAllBytes();
                }
                try {
                    AdvisoryFacts facts = reader.read(bytes);
                    batch.add(document.name(), new DocumentRecord(sha256(bytes), DocumentFormat.OSV, document.name(),
                            bytes.length, facts, Trust.UNSIGNED));
                } catch (DocumentRejectedException e) {
                    if (OsvReader.isJson(bytes) || YAML_ID.matcher(head(bytes)).find()) {
                        batch.rejected++;
                        listener.rejected(document.name(), e.getMessage());
                    } else {
                        batch.skipped++;
                        listener.skipped(document.name(), "not an OSV record");
                    }
                }
            }

            @Override
            public void reject(String name, String reason) {
                batch.rejected++;
                listener.rejected(name, reason);
            }
        });
        batch.flush();
        return new Summary(batch.stored, batch.alreadyStored, batch.skipped, batch.rejected);
    }

    private final class Batch {
        private final Listener listener;
        private final List<DocumentRecord> records = new ArrayList<>(BATCH);
        private int stored;
        private int alreadyStored;
        private int skipped;
        private int rejected;

        Batch(Listener listener) {
            this.listener = listener;
        }

        void add(String source, DocumentRecord record) {
            records.add(record);
            if (records.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (records.isEmpty()) {
                return;
            }
            List<StoreResult> done = store.storeAll(records);
            for (int i = 0; i < done.size(); i++) {
                DocumentRecord r = records.get(i);
                StoreResult result = done.get(i);
                if (result.failed()) {
                    rejected++;
                    listener.rejected(r.source(), result.failure());
                    continue;
                }
                if (result.stored()) {
                    stored++;
                } else {
                    alreadyStored++;
                }
                listener.imported(r.source(), r.facts().name(), !result.stored());
            }
            records.clear();
        }
    }

    private static String head(byte[] bytes) {
        return new String(bytes, 0, Math.min(bytes.length, 64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
