package io.supplygraph.ingest.cve;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.IngestOptions;
import io.supplygraph.ingest.osv.OsvImporter;
import io.supplygraph.ingest.recognise.Recogniser;
import io.supplygraph.ingest.recognise.Recognition;
import io.supplygraph.model.DocumentFormat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code cve import}: the ingest pipeline with the options that fit the CVE Program's data, files, folders and the
 * cvelistV5 release zips (a zip holding {@code cves.zip}, which holds {@code cves/YYYY/NNxxx/CVE-*.json}, some
 * 300,000 records). Each record is a document of its own, so the same bytes twice are a no-op; the store keeps the
 * record with the newest {@code dateUpdated} per CVE id. Only CVE records are read: other JSON that sits beside them
 * ({@code delta.json}, {@code deltaLog.json}) and other files are skipped and counted; JSON that names a
 * {@code cveMetadata} but does not read as a record is rejected with the reason, and a document of another supported
 * format is refused by name.
 */
public final class CveImporter {

    private CveImporter() {}

    /** {@code osv import}'s limits and batches, which fit any bulk export of small records, reading CVE records. */
    public static IngestOptions options() {
        return OsvImporter.options().withRecognition(new Records());
    }

    private static final class Records implements Recognition {

        private final Recogniser recogniser = new Recogniser();

        @Override
        public Optional<DocumentFormat> recognise(byte[] head, int length) throws DocumentRejectedException {
            Optional<DocumentFormat> format = recogniser.recognise(head, length);
            if (format.isPresent() && format.get() != DocumentFormat.CVE_RECORD) {
                throw new DocumentRejectedException("recognised as " + format.get().label()
                        + ", not a CVE record (supplygraph ingest reads it)");
            }
            boolean meantToBeOne = format.isPresent()
                    || new String(head, 0, length, StandardCharsets.UTF_8).contains("\"cveMetadata\"");
            return meantToBeOne ? Optional.of(DocumentFormat.CVE_RECORD) : Optional.empty();
        }

        @Override
        public String unrecognised() {
            return "not a CVE record";
        }
    }
}
