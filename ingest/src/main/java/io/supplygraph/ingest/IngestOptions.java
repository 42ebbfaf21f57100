package io.supplygraph.ingest;

import io.supplygraph.ingest.recognise.Recognition;
import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;
import java.util.function.UnaryOperator;

/**
 * What differs between the commands that share the {@link Ingestor} pipeline: {@code ingest} with
 * {@link #of(SourceLimits, TrustPolicy)}, {@code osv import} with {@code osv/OsvImporter.options()}. Everything else
 * (walking sources, hashing, the writer thread, retries, the stop when the store fails) is the same for both.
 *
 * @param limits       how much one source may unpack
 * @param trust        how signatures are verified, and whether a document without a verified one is stored
 * @param recognition  which formats are read
 * @param unrecognised what becomes of a document of no format that {@code recognition} reads
 * @param maxBatch     documents per transaction, at most: bounds how much one failure-and-retry has to redo, and
 *                     how many small documents share the cost of a transaction
 * @param sourceNames  the name a file is recorded and reported under, from its path (the path itself but where a
 *                     server ingests its spool files under the names their uploads had)
 * @param naming       the application and release the documents are about, when the user named them
 */
public record IngestOptions(SourceLimits limits, TrustPolicy trust, Recognition recognition,
        Unrecognised unrecognised, int maxBatch, UnaryOperator<String> sourceNames, ReleaseNaming naming) {

    /** SBOMs of a few hundred components each: more per transaction gains little and makes a retry redo more. */
    static final int DOCUMENTS_PER_BATCH = 200;

    public IngestOptions {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one document");
        }
    }

    public enum Unrecognised {
        /** Reported as rejected, and the command exits 1: the user named a file that cannot be ingested. */
        REJECT,
        /** Reported and counted as skipped: files that merely sit beside the documents (a LICENSE, a README). */
        SKIP,
        /**
         * Skipped when found in a folder or an archive and neither its name nor its content can be a document
         * ({@link io.supplygraph.ingest.recognise.NonDocuments}); rejected when named on the command line, or when
         * it looked like a document: the CLI's {@code ingest} without {@code --strict}, so that a repository folder
         * ingests cleanly.
         */
        SKIP_NON_DOCUMENTS_FOUND
    }

    /** Every supported format, rejecting anything else (what a server's uploads take). */
    public static IngestOptions of(SourceLimits limits, TrustPolicy trust) {
        return new IngestOptions(limits, trust, new Recogniser(), Unrecognised.REJECT, DOCUMENTS_PER_BATCH,
                UnaryOperator.identity(), ReleaseNaming.FROM_SUBJECTS);
    }

    /** The same options, with unrecognised files treated as {@code unrecognised} says ({@code ingest} skips some). */
    public IngestOptions withUnrecognised(Unrecognised unrecognised) {
        return new IngestOptions(limits, trust, recognition, unrecognised, maxBatch, sourceNames, naming);
    }

    /** The same options, recording and reporting files under {@code names} of their paths. */
    public IngestOptions withSourceNames(UnaryOperator<String> names) {
        return new IngestOptions(limits, trust, recognition, unrecognised, maxBatch, names, naming);
    }

    /** The same options, reading what {@code other} recognises instead. */
    public IngestOptions withRecognition(Recognition other) {
        return new IngestOptions(limits, trust, other, unrecognised, maxBatch, sourceNames, naming);
    }

    /** The same options, naming the documents' application and release as {@code naming} says. */
    public IngestOptions withNaming(ReleaseNaming naming) {
        return new IngestOptions(limits, trust, recognition, unrecognised, maxBatch, sourceNames, naming);
    }

    public static IngestOptions defaults() {
        return of(SourceLimits.defaults(), TrustPolicy.lenient());
    }
}
