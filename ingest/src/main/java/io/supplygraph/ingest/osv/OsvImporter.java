package io.supplygraph.ingest.osv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.ReleaseNaming;
import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.ingest.recognise.Recognition;
import io.supplygraph.ingest.source.SourceLimits;
import io.supplygraph.ingest.verify.TrustPolicy;
import io.supplygraph.model.DocumentFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * {@code osv import}: the ingest pipeline ({@link io.supplygraph.ingest.Ingestor}) with the options that fit OSV's
 * bulk exports ({@code <Ecosystem>/all.zip}), so that an import is stored, retried, batched and stopped on a store
 * failure exactly as an ingest is. Each record is a document of its own (its sha256, its facts), so the same bytes
 * twice are a no-op, and the store decides by {@code modified} whether a record replaces the one it has.
 *
 * <p>Only OSV records are read, JSON or YAML. Files that are not meant to be records (a LICENSE beside the JSON) are
 * skipped and counted, not rejected; a file that is meant to be one (JSON, or YAML with an {@code id:} line) but does
 * not read is rejected with the reason, and so is a document of another supported format, naming it: an SBOM given
 * to {@code osv import} by mistake is reported, never stored.
 */
public final class OsvImporter {

    /** OSV bulk exports hold one small file per record, hundreds of thousands for npm's malicious packages. */
    static final SourceLimits LIMITS = new SourceLimits(16L << 20, 32L << 30, 5_000_000, 100, 3);

    /** Records of 2 KB: more of them than of SBOMs share a transaction's own cost; what osv import always used. */
    static final int RECORDS_PER_BATCH = 500;

    private OsvImporter() {}

    public static IngestOptions options() {
        return new IngestOptions(LIMITS, TrustPolicy.lenient(), new Records(), IngestOptions.Unrecognised.SKIP,
                RECORDS_PER_BATCH, UnaryOperator.identity(), ReleaseNaming.FROM_SUBJECTS);
    }

    /** OSV records, and what only looks like one; any other supported format is refused by name. */
    private static final class Records implements Recognition {

        private static final Pattern YAML_ID = Pattern.compile("(?m)^id:\\s*\\S");
        private static final JsonFactory JSON = ReadLimits.json().build();

        private final Recogniser recogniser = new Recogniser();

        @Override
        public Optional<DocumentFormat> recognise(byte[] head, int length) throws DocumentRejectedException {
            if (OsvReader.isJson(head, length) && namesIdAndModified(head, length)) {
                return Optional.of(DocumentFormat.OSV);
            }
            Optional<DocumentFormat> format = recogniser.recognise(head, length);
            if (format.isPresent() && format.get() != DocumentFormat.OSV) {
                throw new DocumentRejectedException("recognised as " + format.get().label()
                        + ", not an OSV record (supplygraph ingest reads it)");
            }
            // JSON that the recogniser could not place is read anyway, so that a broken record says what is wrong.
            boolean meantToBeOne = format.isPresent() || OsvReader.isJson(head, length)
                    || YAML_ID.matcher(new String(head, 0, length, StandardCharsets.UTF_8)).find();
            return meantToBeOne ? Optional.of(DocumentFormat.OSV) : Optional.empty();
        }

        /**
         * Whether the top-level object has the string fields {@code id} and {@code modified}, read no further than
         * both: no other supported format has both at its top level, so the recogniser, which reads every top-level
         * key to decide and costs as much as reading the record, need not run. OSV's exports write both before
         * {@code affected}, the bulk of a record.
         */
        private static boolean namesIdAndModified(byte[] head, int length) {
            boolean id = false;
            boolean modified = false;
            try (JsonParser parser = JSON.createParser(head, 0, length)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return false;
                }
                while (!(id && modified) && parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    if (parser.nextToken() == JsonToken.VALUE_STRING) {
                        id |= key.equals("id");
                        modified |= key.equals("modified");
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (IOException e) {
                // the head ends inside the record, or it is not JSON after all: the recogniser decides
            }
            return id && modified;
        }

        @Override
        public String unrecognised() {
            return "not an OSV record";
        }
    }
}
