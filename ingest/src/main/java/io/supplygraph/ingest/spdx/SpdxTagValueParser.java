package io.supplygraph.ingest.spdx;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.ingest.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * SPDX 2.x tag-value ({@code SPDXVersion: SPDX-2.3}), a line at a time. A package is the run of lines from
 * its {@code PackageName} to the next element ({@code PackageName}, {@code FileName},
 * {@code SnippetSPDXID}, {@code LicenseID}); {@code SPDXID} belongs to whichever element is open.
 * {@code <text>} values may span lines and are bounded like lines. Stateless: one instance serves any
 * number of documents, concurrently.
 */
public final class SpdxTagValueParser implements SbomParser {

    private static final String TEXT_OPEN = "<text>";
    private static final String TEXT_CLOSE = "</text>";

    private enum Section { DOCUMENT, PACKAGE, FILE, OTHER }

    @Override
    public void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException {
        new Reading(new BoundedLineReader(new InputStreamReader(in, StandardCharsets.UTF_8)), sink).readAll();
    }

    /** The state of reading one document. */
    private static final class Reading {
        private final BoundedLineReader lines;
        private final SbomSink sink;
        private final Spdx2Document doc;
        private Section section = Section.DOCUMENT;
        private Spdx2Package pkg;
        private boolean seenTag;

        Reading(BoundedLineReader lines, SbomSink sink) {
            this.lines = lines;
            this.sink = sink;
            this.doc = new Spdx2Document(sink);
        }

        void readAll() throws IOException, DocumentRejectedException {
            String line;
            while ((line = lines.readLine()) != null) {
                if (lines.lineNumber() == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int colon = trimmed.indexOf(':');
                if (colon <= 0 || !isTag(trimmed, colon)) {
                    if (!seenTag) {
                        throw new DocumentRejectedException("not SPDX tag-value: line " + lines.lineNumber()
                                + " is not a \"Tag: value\" line");
                    }
                    sink.warning("line " + lines.lineNumber() + " is not a \"Tag: value\" line (skipped)");
                    continue;
                }
                seenTag = true;
                String value = trimmed.substring(colon + 1).strip();
                if (value.startsWith(TEXT_OPEN)) {
                    value = readText(value.substring(TEXT_OPEN.length()));
                }
                tag(trimmed.substring(0, colon), value);
            }
            endPackage();
            doc.finish();
        }

        private static boolean isTag(String line, int colon) {
            for (int i = 0; i < colon; i++) {
                if (!Character.isLetterOrDigit(line.charAt(i)) && line.charAt(i) != '_') {
                    return false;
                }
            }
            return true;
        }

        /** The rest of a {@code <text>} value, which ends at the first {@code </text>}, on this line or a later one. */
        private String readText(String firstLine) throws IOException, DocumentRejectedException {
            int close = firstLine.indexOf(TEXT_CLOSE);
            if (close >= 0) {
                return firstLine.substring(0, close);
            }
            int opened = lines.lineNumber();
            StringBuilder text = new StringBuilder(firstLine);
            String line;
            while ((line = lines.readLine()) != null) {
                close = line.indexOf(TEXT_CLOSE);
                text.append('\n').append(close >= 0 ? line.substring(0, close) : line);
                if (close >= 0) {
                    return text.toString();
                }
                if (text.length() > ReadLimits.MAX_STRING_LENGTH) {
                    throw new DocumentRejectedException("the <text> value opened at line " + opened + ": "
                            + ReadLimits.stringTooLong());
                }
            }
            throw new DocumentRejectedException("the <text> value opened at line " + opened
                    + " never closes: no " + TEXT_CLOSE + " before the end of the document");
        }

        private void tag(String tag, String value) throws DocumentRejectedException {
            switch (tag) {
                case "SPDXVersion" -> doc.version(value);
                case "DocumentName" -> doc.name(value);
                case "Creator" -> doc.creator(value);
                case "SPDXID" -> identify(value);
                case "PackageName" -> {
                    startElement(Section.PACKAGE);
                    pkg = new Spdx2Package();
                    pkg.name = value;
                }
                case "FileName" -> startElement(Section.FILE);
                case "SnippetSPDXID" -> {
                    startElement(Section.OTHER);
                    doc.nonPackage(value);
                }
                case "LicenseID" -> startElement(Section.OTHER);
                case "Relationship" -> relationship(value);
                default -> {
                    if (section == Section.PACKAGE) {
                        packageTag(tag, value);
                    }
                }
            }
        }

        private void identify(String id) {
            switch (section) {
                case DOCUMENT -> doc.documentId(id);
                case PACKAGE -> pkg.spdxId = id;
                case FILE -> doc.nonPackage(id);
                case OTHER -> { }
            }
        }

        private void packageTag(String tag, String value) {
            switch (tag) {
                case "PackageVersion" -> pkg.version = value;
                case "PackageSupplier" -> pkg.supplier = value;
                case "PackageDownloadLocation" -> pkg.downloadLocation = value;
                case "PackageLicenseDeclared" -> pkg.licenseDeclared = value;
                case "PackageLicenseConcluded" -> pkg.licenseConcluded = value;
                case "PrimaryPackagePurpose" -> pkg.purpose = value;
                case "PackageChecksum" -> {
                    int colon = value.indexOf(':');
                    pkg.checksum(colon < 0 ? null : value.substring(0, colon),
                            colon < 0 ? value : value.substring(colon + 1));
                }
                case "ExternalRef" -> {
                    // CATEGORY type locator
                    String[] parts = value.split("\\s+", 3);
                    if (parts.length == 3) {
                        pkg.externalRef(parts[1], parts[2]);
                    } else {
                        sink.warning("line " + lines.lineNumber() + ": ExternalRef needs a category, a type and a"
                                + " locator (skipped)");
                    }
                }
                default -> { }
            }
        }

        private void relationship(String value) {
            String[] parts = value.split("\\s+");
            if (parts.length == 3) {
                doc.relationship(parts[0], parts[1], parts[2]);
            } else {
                sink.warning("line " + lines.lineNumber() + ": a Relationship is \"element TYPE element\", found \""
                        + value + "\" (skipped)");
            }
        }

        private void startElement(Section next) {
            endPackage();
            section = next;
        }

        private void endPackage() {
            if (pkg != null) {
                doc.pkg(pkg);
                pkg = null;
            }
        }
    }
}
