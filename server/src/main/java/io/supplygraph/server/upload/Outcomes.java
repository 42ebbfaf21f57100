package io.supplygraph.server.upload;

import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects what became of each document of an upload, in the words of {@code ingest --json}. */
final class Outcomes implements IngestListener {

    private final List<IngestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void stored(String source, DocumentRecord record) {
        outcomes.add(IngestOutcome.Ingested.of(source, record));
    }

    @Override
    public void alreadyStored(String source, String digest) {
        outcomes.add(new IngestOutcome.AlreadyIngested(source, digest));
    }

    @Override
    public void rejected(String source, String reason) {
        outcomes.add(new IngestOutcome.Rejected(source, reason));
    }

    @Override
    public void notAttempted(String source) {
        outcomes.add(new IngestOutcome.NotAttempted(source));
    }

    List<IngestOutcome> all() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }
}
