package io.supplygraph.server.upload;

import io.supplygraph.analysis.view.IngestOutcome;
import java.util.List;

/** Where uploads report what became of their documents (the server's metrics). */
public interface UploadMetrics {

    void record(List<IngestOutcome> outcomes);
}
