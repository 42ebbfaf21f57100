package io.supplygraph.ingest.spdx3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.ingest.spdx.JsonInput;
import io.supplygraph.ingest.spdx.SpdxValues;
import io.supplygraph.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SPDX 3.0 JSON-LD: an {@code @context} naming the SPDX 3 context and an {@code @graph} of elements in any
 * order. Read in one pass of Jackson tokens, keeping only a summary of the elements that matter (see
 * {@link Spdx3Graph} for why the report waits for the end of the graph). Packages are
 * {@code software_Package} and its AI and dataset profile subclasses. Stateless: one instance serves any
 * number of documents, concurrently.
 */
public final class Spdx3JsonLdParser implements SbomParser {

    @Override
    public void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException {
        Spdx3Graph graph = new Spdx3Graph(sink);
        JsonInput.read(in, sink, "an SPDX 3 JSON-LD document", p -> readDocument(p, graph, sink));
        graph.finish();
    }

    private static void readDocument(JsonParser p, Spdx3Graph graph, SbomSink sink)
            throws IOException, DocumentRejectedException {
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "@context" -> graph.context(strings(p));
                case "@graph" -> {
                    graph.graphStarts();
                    JsonInput.forEachObject(p, field, sink, q -> graph.element(readElement(q, sink)));
                }
                default -> p.skipChildren();
            }
        }
    }

    private static Spdx3Element readElement(JsonParser p, SbomSink sink) throws IOException {
        Spdx3Element e = new Spdx3Element();
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            switch (field) {
                case "type", "@type" -> e.type = JsonInput.text(p);
                case "spdxId", "@id" -> e.id = JsonInput.text(p);
                case "name" -> e.name = JsonInput.text(p);
                case "software_packageVersion" -> e.version = JsonInput.text(p);
                case "software_packageUrl" -> e.purl = SpdxValues.asserted(JsonInput.text(p));
                case "software_downloadLocation" -> e.downloadLocation = JsonInput.text(p);
                case "software_primaryPurpose" -> e.purpose = JsonInput.text(p);
                case "suppliedBy" -> e.suppliedBy = JsonInput.text(p);
                case "relationshipType" -> e.relationshipType = JsonInput.text(p);
                case "from" -> e.from = JsonInput.text(p);
                case "to" -> e.to.addAll(strings(p));
                case "scope" -> e.scope = JsonInput.text(p);
                case "rootElement" -> e.rootElements.addAll(strings(p));
                case "simplelicensing_licenseExpression" -> e.licenceExpression = JsonInput.text(p);
                case "specVersion" -> e.specVersion = JsonInput.text(p);
                case "creationInfo" -> {
                    // usually a reference to a CreationInfo element; inline, it is read like one
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        e.createdAs(readElement(p, sink));
                    } else {
                        e.creationInfo = JsonInput.text(p);
                    }
                }
                case "created" -> e.created = JsonInput.text(p);
                case "createdBy" -> e.createdBy.addAll(strings(p));
                case "createdUsing" -> e.createdUsing.addAll(strings(p));
                case "verifiedUsing" -> JsonInput.forEachObject(p, field, sink, q -> hash(properties(q), e));
                case "externalIdentifier" ->
                        JsonInput.forEachObject(p, field, sink, q -> externalIdentifier(properties(q), e));
                case "externalRef" -> JsonInput.forEachObject(p, field, sink, q -> externalRef(properties(q), e));
                default -> p.skipChildren();
            }
        }
        return e;
    }

    private static void hash(Map<String, String> method, Spdx3Element e) {
        // a PackageVerificationCode is a hash over file hashes, not of an artifact
        if (!"Hash".equals(method.get("type"))) {
            return;
        }
        Digest digest = SpdxValues.digestOrNull(method.get("algorithm"), method.get("hashValue"));
        if (digest == null) {
            e.problems.add("malformed hash " + method.get("algorithm") + ": " + method.get("hashValue") + " (skipped)");
        } else {
            e.digests.add(digest);
        }
    }

    private static void externalIdentifier(Map<String, String> identifier, Spdx3Element e) {
        String value = SpdxValues.asserted(identifier.get("identifier"));
        String type = Spdx3Element.vocabularyTerm(identifier.get("externalIdentifierType"));
        if (value == null || type == null) {
            return;
        }
        switch (type) {
            case "packageUrl" -> e.identifierPurl = e.identifierPurl == null ? value : e.identifierPurl;
            case "cpe23" -> e.cpe23 = e.cpe23 == null ? value : e.cpe23;
            case "cpe22" -> e.cpe22 = e.cpe22 == null ? value : e.cpe22;
            default -> { }
        }
    }

    private static void externalRef(Map<String, String> ref, Spdx3Element e) {
        if ("vcs".equals(Spdx3Element.vocabularyTerm(ref.get("externalRefType"))) && e.vcs == null) {
            e.vcs = SpdxValues.asserted(ref.get("locator"));
        }
    }

    /** The scalar properties of a small nested object; of a list, the first value. */
    private static Map<String, String> properties(JsonParser p) throws IOException {
        Map<String, String> properties = new HashMap<>();
        String field;
        while ((field = p.nextFieldName()) != null) {
            p.nextToken();
            List<String> values = strings(p);
            if (!values.isEmpty()) {
                properties.put(field, values.get(0));
            }
        }
        return properties;
    }

    /** A string, or the strings of an array (JSON-LD writes a one-value list either way). */
    private static List<String> strings(JsonParser p) throws IOException {
        List<String> values = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String value = JsonInput.text(p);
                if (value != null) {
                    values.add(value);
                }
            }
        } else {
            String value = JsonInput.text(p);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
