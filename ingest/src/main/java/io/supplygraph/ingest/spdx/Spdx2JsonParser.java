package io.supplygraph.ingest.spdx;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.ingest.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * SPDX 2.1-2.3 JSON, read in one pass of Jackson tokens: a package is held only while it is being read.
 * Fields this reader does not use are skipped unread, whatever they contain. Stateless: one instance
 * serves any number of documents, concurrently.
 */
public final class Spdx2JsonParser implements SbomParser {

    @Override
    public void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException {
        Spdx2Document doc = new Spdx2Document(sink);
        JsonInput.read(in, sink, "an SPDX 2 JSON document", p -> readDocument(p, doc, sink));
        doc.finish();
    }

    private static void readDocument(JsonParser p, Spdx2Document doc, SbomSink sink)
            throws IOException, DocumentRejectedException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "spdxVersion" -> doc.version(JsonInput.text(p));
                case "name" -> doc.name(JsonInput.text(p));
                case "SPDXID" -> doc.documentId(JsonInput.text(p));
                case "creationInfo" -> readCreators(p, doc, sink);
                case "documentDescribes" -> readDescribes(p, doc, sink);
                case "packages" -> JsonInput.forEachObject(p, field, sink, q -> doc.pkg(readPackage(q, sink)));
                case "files", "snippets" -> JsonInput.forEachObject(p, field, sink, q -> doc.nonPackage(readId(q)));
                case "relationships" -> JsonInput.forEachObject(p, field, sink, q -> readRelationship(q, doc));
                default -> p.skipChildren();
            }
        }
    }

    private static void readCreators(JsonParser p, Spdx2Document doc, SbomSink sink) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            if (field.equals("creators") && JsonInput.isArray(p, "creationInfo.creators", sink)) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    doc.creator(JsonInput.text(p));
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void readDescribes(JsonParser p, Spdx2Document doc, SbomSink sink) throws IOException {
        if (!JsonInput.isArray(p, "documentDescribes", sink)) {
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            doc.describes(JsonInput.text(p));
        }
    }

    private static Spdx2Package readPackage(JsonParser p, SbomSink sink) throws IOException {
        Spdx2Package pkg = new Spdx2Package();
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "SPDXID" -> pkg.spdxId = JsonInput.text(p);
                // the package* spellings are what some pre-2.2 converters wrote
                case "name", "packageName" -> pkg.name = JsonInput.text(p);
                case "versionInfo", "packageVersion" -> pkg.version = JsonInput.text(p);
                case "supplier" -> pkg.supplier = JsonInput.text(p);
                case "downloadLocation", "packageDownloadLocation" -> pkg.downloadLocation = JsonInput.text(p);
                case "licenseDeclared", "packageLicenseDeclared" -> pkg.licenseDeclared = JsonInput.text(p);
                case "licenseConcluded", "packageLicenseConcluded" -> pkg.licenseConcluded = JsonInput.text(p);
                case "primaryPackagePurpose" -> pkg.purpose = JsonInput.text(p);
                case "checksums" -> JsonInput.forEachObject(p, field, sink, q -> readChecksum(q, pkg));
                case "externalRefs" -> JsonInput.forEachObject(p, field, sink, q -> readExternalRef(q, pkg));
                default -> p.skipChildren();
            }
        }
        return pkg;
    }

    private static void readChecksum(JsonParser p, Spdx2Package pkg) throws IOException {
        String algorithm = null;
        String value = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "algorithm" -> algorithm = JsonInput.text(p);
                case "checksumValue" -> value = JsonInput.text(p);
                default -> p.skipChildren();
            }
        }
        pkg.checksum(algorithm, value);
    }

    private static void readExternalRef(JsonParser p, Spdx2Package pkg) throws IOException {
        String type = null;
        String locator = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "referenceType" -> type = JsonInput.text(p);
                case "referenceLocator" -> locator = JsonInput.text(p);
                default -> p.skipChildren();
            }
        }
        pkg.externalRef(type, locator);
    }

    private static void readRelationship(JsonParser p, Spdx2Document doc) throws IOException {
        String from = null;
        String type = null;
        String to = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "spdxElementId" -> from = JsonInput.text(p);
                case "relationshipType" -> type = JsonInput.text(p);
                case "relatedSpdxElement" -> to = JsonInput.text(p);
                default -> p.skipChildren();
            }
        }
        doc.relationship(from, type, to);
    }

    private static String readId(JsonParser p) throws IOException {
        String id = null;
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            if (field.equals("SPDXID")) {
                id = JsonInput.text(p);
            } else {
                p.skipChildren();
            }
        }
        return id;
    }
}
