package io.supplygraph.cli;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.IngestOutcome;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.IngestSummary;
import io.supplygraph.ingest.StoreRetries;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest SBOMs: files, directories (recursively), .zip archives, gzip/bzip2/xz/zstd files, and -"
                + " for stdin. Formats are recognised by content.",
                "Files found in folders and archives that cannot be documents by name or content (a README, a LICENSE,"
                        + " a CSV, an image) are skipped and counted; a file named here, or one that looked like a"
                        + " document, is rejected (--strict rejects every file that is not a document).",
                "Exit code 0 when every document was ingested (or was already), 1 when any was rejected."})
final class IngestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SOURCE", arity = "1..*", description = "Files, directories, archives, or - for stdin.")
    List<String> sources;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print one JSON object per document (and a summary) instead of lines.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print only rejections and the summary.")
    boolean quiet;

    @Option(names = "--no-progress", description = "No progress line on stderr, even on a terminal.")
    boolean noProgress;

    @Option(names = "--strict", description = "Reject every file that is not a document, instead of skipping those"
            + " found in folders and archives that cannot be one.")
    boolean strict;

    @Mixin
    VerificationOptions verification;

    @Option(names = "--require-signature",
            description = "Reject documents without a verified signature, instead of storing them marked unsigned or failed.")
    boolean requireSignature;

    @Mixin
    ReleaseOptions naming;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<IngestOutcome> results = new ArrayList<>();
        Progress progress = new Progress(err, !noProgress && !json && System.console() != null);
        IngestListener listener = new IngestListener() {
            @Override
            public void stored(String source, DocumentRecord r) {
                progress.advance(r.sizeBytes());
                results.add(IngestOutcome.Ingested.of(source, r));
                if (!quiet && !json) {
                    progress.clear();
                    out.printf("ingested  %s  %s  %d components%s%n", source, r.format().label(),
                            r.facts().componentCount(), r.facts().warnings().isEmpty() ? ""
                                    : ", " + r.facts().warnings().size() + " warnings");
                    out.flush();
                }
            }

            @Override
            public void alreadyStored(String source, String digest) {
                progress.advance(0);
                results.add(new IngestOutcome.AlreadyIngested(source, digest));
                if (!quiet && !json) {
                    progress.clear();
                    out.printf("already   %s  %s%n", source, digest);
                    out.flush();
                }
            }

            @Override
            public void rejected(String source, String reason) {
                progress.advance(0);
                results.add(new IngestOutcome.Rejected(source, reason));
                progress.clear();
                err.printf("rejected  %s: %s%n", source, reason);
                err.flush();
            }

            @Override
            public void skipped(String source, String reason) {
                progress.advance(0);
                if (!quiet && !json) {
                    progress.clear();
                    err.printf("skipped   %s: %s%n", source, reason);
                    err.flush();
                }
            }

            @Override
            public void notAttempted(String source) {
                progress.advance(0);
                results.add(new IngestOutcome.NotAttempted(source));
            }

            @Override
            public void warnings(String source, List<String> warnings) {
                if (!quiet && !json) {
                    progress.clear();
                    warnings.stream().limit(5).forEach(w -> err.printf("  warning: %s%n", w));
                    if (warnings.size() > 5) {
                        err.printf("  ... %d more: supplygraph documents show DIGEST%n", warnings.size() - 5);
                    }
                    err.flush();
                }
            }
        };
        IngestSummary summary;
        OutOfMemory.whileIngesting(sources);
        IngestOptions options = IngestOptions.of(SourceLimits.defaults(),
                new TrustPolicy(verification.policy(null), requireSignature))
                .withNaming(naming.naming(spec));
        try (Supplygraph graph = store.openOrCreate()) {
            summary = graph.ingest(sources, System.in, listener, options.withUnrecognised(strict
                    ? IngestOptions.Unrecognised.REJECT : IngestOptions.Unrecognised.SKIP_NON_DOCUMENTS_FOUND));
        }
        progress.clear();
        if (json) {
            results.add(IngestOutcome.Summary.of(summary));
            Output.json(out, results);
        }
        printSummary(err, summary);
        return summary.allAccepted() ? 0 : 1;
    }

    private static void printSummary(PrintWriter err, IngestSummary summary) {
        StoreReport.reason(err, "ingest", summary);
        err.printf("%d ingested, %d already ingested, %d rejected%s%s (%d components, %.1f MB)%s%n", summary.stored(),
                summary.alreadyStored(), summary.rejected(), StoreReport.notAttemptedCount(summary),
                summary.skipped() == 0 ? "" : ", " + summary.skipped() + " skipped (not documents)",
                summary.components(), summary.bytes() / 1e6, StoreReport.retries(summary));
        StoreReport.notAttempted(err, summary, "ingest");
        err.flush();
    }

    /** One line on stderr, redrawn in place, only on a terminal: documents done, megabytes, rate. */
    private static final class Progress {
        private final PrintWriter err;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private long documents;
        private long bytes;
        private long lastDrawn;
        private boolean drawn;

        Progress(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void advance(long documentBytes) {
            documents++;
            bytes += documentBytes;
            long now = System.nanoTime();
            if (enabled && now - lastDrawn > 100_000_000L) {
                lastDrawn = now;
                double seconds = Math.max(1e-9, (now - started) / 1e9);
                err.printf("\r%,d documents  %.1f MB  %.0f docs/s  %.0fs ", documents, bytes / 1e6,
                        documents / seconds, seconds);
                err.flush();
                drawn = true;
            }
        }

        void clear() {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
                drawn = false;
            }
        }
    }
}
