package io.supplygraph.ingest;

import io.supplygraph.ingest.recognise.Recognition;
import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;

/**
 * What differs between the commands that share the {@link Ingestor} pipeline: {@code ingest} with
 * {@link #of(SourceLimits, TrustPolicy)}, {@code osv import} with {@code osv/OsvImporter.options()}. Everything else
 * (walking sources, hashing, batching, retries, the stop when the store fails) is the same for both.
 *
 * @param limits       how much one source may unpack
 * @param trust        how signatures are verified, and whether a document without a verified one is stored
 * @param recognition  which formats are read
 * @param unrecognised what becomes of a document of no format that {@code recognition} reads
 */
public record IngestOptions(SourceLimits limits, TrustPolicy trust, Recognition recognition,
        Unrecognised unrecognised) {

    public enum Unrecognised {
        /** Reported as rejected, and the command exits 1: the user named a file that cannot be ingested. */
        REJECT,
        /** Reported and counted as skipped: files that merely sit beside the documents (a LICENSE, a README). */
        SKIP
    }

    /** Every supported format, rejecting anything else: {@code ingest}. */
    public static IngestOptions of(SourceLimits limits, TrustPolicy trust) {
        return new IngestOptions(limits, trust, new Recogniser(), Unrecognised.REJECT);
    }

    public static IngestOptions defaults() {
        return of(SourceLimits.defaults(), TrustPolicy.lenient());
    }
}
