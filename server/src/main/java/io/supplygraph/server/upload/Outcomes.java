package io.supplygraph.server.upload;

import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects what became of each document of an upload, in the words of {@code ingest --json}, naming each as the
 * client named its upload: the spool folder the file sat in is of no interest to the client.
 */
final class Outcomes implements IngestListener {

    private final String spoolPrefix;
    private final List<IngestOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());

    Outcomes(Path spooled) {
        this.spoolPrefix = spooled.getParent().toString() + java.io.File.separator;
    }

    @Override
    public void stored(String source, DocumentRecord record) {
        outcomes.add(IngestOutcome.Ingested.of(name(source), record));
    }

    @Override
    public void alreadyStored(String source, String digest) {
        outcomes.add(new IngestOutcome.AlreadyIngested(name(source), digest));
    }

    @Override
    public void rejected(String source, String reason) {
        outcomes.add(new IngestOutcome.Rejected(name(source), reason));
    }

    @Override
    public void notAttempted(String source) {
        outcomes.add(new IngestOutcome.NotAttempted(name(source)));
    }

    List<IngestOutcome> all() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    private String name(String source) {
        return source.startsWith(spoolPrefix) ? source.substring(spoolPrefix.length()) : source;
    }
}
