package io.supplygraph.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.server.upload.UploadMetrics;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The server's metrics in Prometheus' text format: request latency per endpoint (a histogram, so percentiles can be
 * taken across servers), documents ingested and rejected, the depth of the ingest queue, and the JVM's own.
 */
public final class Metrics implements UploadMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter ingested;
    private final Counter alreadyIngested;
    private final Counter rejected;

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ingested = documents("ingested");
        alreadyIngested = documents("already-ingested");
        rejected = documents("rejected");
    }

    private Counter documents(String outcome) {
        return Counter.builder("supplygraph.documents").tag("outcome", outcome)
                .description("Documents uploaded, by what became of them").register(registry);
    }

    /** Uploads waiting for or being ingested, and jobs queued. */
    public void queueDepth(IntSupplier uploads, IntSupplier jobs) {
        Gauge.builder("supplygraph.ingest.queue.depth", uploads::getAsInt).tag("queue", "uploads")
                .description("Uploads being received or ingested").register(registry);
        Gauge.builder("supplygraph.ingest.queue.depth", jobs::getAsInt).tag("queue", "jobs")
                .description("Jobs queued or running").register(registry);
    }

    /** One request's latency, under its route template (never the path itself: purls would make series unbounded). */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests").tag("method", method).tag("route", route)
                .tag("status", Integer.toString(status)).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.ofNanos(nanos));
    }

    @Override
    public void record(List<IngestOutcome> outcomes) {
        for (IngestOutcome outcome : outcomes) {
            switch (outcome.status()) {
                case INGESTED -> ingested.increment();
                case ALREADY_INGESTED -> alreadyIngested.increment();
                case REJECTED -> rejected.increment();
                default -> { }
            }
        }
    }

    public String scrape() {
        return registry.scrape();
    }
}
