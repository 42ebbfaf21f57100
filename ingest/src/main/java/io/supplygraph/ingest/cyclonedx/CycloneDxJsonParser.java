package io.supplygraph.ingest.cyclonedx;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.ingest.vex.CycloneDxVex;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * CycloneDX JSON, spec 1.2 to 1.7, read as a stream of Jackson tokens: memory stays flat however many
 * components the BOM lists, and whatever this parser does not read (services, formulation, compositions,
 * annotations, signatures, fields of later spec versions) is skipped without being built. Only the VEX section
 * ({@code vulnerabilities}, when present) is built as a tree, for {@link CycloneDxVex}. Stateless: one instance
 * serves any number of threads.
 */
public final class CycloneDxJsonParser implements SbomParser {

    // Field names are canonicalised per factory but not String.intern()ed: a BOM's keys must not fill the JVM's pool.
    private static final JsonFactory JSON = ReadLimits.json()
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /** Only builds trees of the VEX section; thread-safe once configured. */
    private static final ObjectMapper TREES = new ObjectMapper(JSON);

    public CycloneDxJsonParser() {}

    @Override
    public void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException {
        try (JsonParser json = JSON.createParser(in)) {
            new Reading(json, new BomFeed(sink)).bom();
        } catch (JsonProcessingException e) {
            throw new DocumentRejectedException(ReadLimits.jsonFailure(e, where(e.getLocation())), e);
        }
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** One pass over one document. */
    private static final class Reading {

        private final JsonParser json;
        private final BomFeed feed;
        /** Reused by every dependency entry: its ref may come after its dependsOn list. */
        private final List<String> dependsOn = new ArrayList<>();
        private String licenceIdOrName;
        private String licenceAcknowledgement;
        private String bomFormat;
        private boolean sawComponents;
        private String timestamp;
        /**
         * CycloneDX VEX, read as a tree: it is small beside the components, and its targets and dates are
         * resolved only once the whole document (metadata may come last) has been read.
         */
        private JsonNode vulnerabilities;

        Reading(JsonParser json, BomFeed feed) {
            this.json = json;
            this.feed = feed;
        }

        void bom() throws IOException, DocumentRejectedException {
            JsonToken first = json.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new DocumentRejectedException(first == null
                        ? "empty document: expected a CycloneDX JSON object"
                        : "not CycloneDX JSON: the document is not a JSON object");
            }
            for (String field = nextField(); field != null; field = nextField()) {
                switch (field) {
                    case "bomFormat" -> {
                        bomFormat = text(field);
                        if (!"CycloneDX".equals(bomFormat)) {
                            throw new DocumentRejectedException(
                                    "not a CycloneDX document: bomFormat is '" + bomFormat + "'");
                        }
                    }
                    case "specVersion" -> feed.specVersion(text(field));
                    case "serialNumber" -> feed.serialNumber(text(field));
                    case "metadata" -> metadata();
                    case "components" -> {
                        sawComponents = true;
                        components();
                    }
                    case "dependencies" -> dependencies();
                    case "vulnerabilities" -> vulnerabilities = expect(JsonToken.START_ARRAY, field)
                            ? TREES.readTree(json) : null;
                    default -> json.skipChildren();
                }
            }
            // Some real BOMs omit bomFormat; a specVersion with components is CycloneDX enough.
            if (bomFormat == null && (feed.specVersion() == null || !sawComponents)) {
                throw new DocumentRejectedException(
                        "not a CycloneDX document: no bomFormat, and no specVersion with components");
            }
            if (vulnerabilities != null) {
                CycloneDxVex.read(vulnerabilities, timestamp, feed::vex, feed::warning);
            }
            feed.finish();
        }

        private void metadata() throws IOException, DocumentRejectedException {
            if (!expect(JsonToken.START_OBJECT, "metadata")) {
                return;
            }
            for (String field = nextField(); field != null; field = nextField()) {
                if (field.equals("component") && expect(JsonToken.START_OBJECT, "metadata.component")) {
                    component(true);
                } else if (field.equals("timestamp")) {
                    timestamp = text(field);
                } else if (field.equals("tools") || field.equals("authors")) {
                    producers(field, TREES.readTree(json));
                } else {
                    json.skipChildren();
                }
            }
        }

        /**
         * Tools as CycloneDX 1.4 lists them ({@code [{vendor, name, version}]}) or 1.5 does
         * ({@code {components: [...], services: [...]}}), and authors ({@code [{name, email}]}).
         */
        private void producers(String field, JsonNode node) {
            if (node == null) {
                return;
            }
            if (field.equals("authors")) {
                node.forEach(author -> feed.author(author.path("name").asText(null)));
                return;
            }
            if (node.isObject()) {
                node.path("components").forEach(tool -> feed.tool(tool.path("name").asText(null)));
                node.path("services").forEach(tool -> feed.tool(tool.path("name").asText(null)));
            } else {
                node.forEach(tool -> feed.tool(tool.path("name").asText(null)));
            }
        }

        private void components() throws IOException, DocumentRejectedException {
            if (!expect(JsonToken.START_ARRAY, "components")) {
                return;
            }
            while (nextObject("an entry of components")) {
                component(false);
            }
        }

        private void component(boolean subject) throws IOException, DocumentRejectedException {
            ComponentDraft draft = feed.open(subject);
            for (String field = nextField(); field != null; field = nextField()) {
                switch (field) {
                    case "bom-ref" -> draft.bomRef = text(field);
                    case "type" -> draft.type = text(field);
                    case "group" -> draft.group = text(field);
                    case "name" -> draft.name = text(field);
                    case "version" -> draft.version = text(field);
                    case "purl" -> draft.purl = text(field);
                    case "cpe" -> draft.cpe = text(field);
                    case "publisher" -> draft.publisher = text(field);
                    case "supplier" -> draft.supplier = organisationName(field);
                    case "hashes" -> hashes(draft);
                    case "licenses" -> licences(draft);
                    case "externalReferences" -> externalReferences(draft);
                    case "components" -> components();
                    default -> json.skipChildren();
                }
            }
            feed.close();
        }

        private String organisationName(String field) throws IOException {
            if (!expect(JsonToken.START_OBJECT, field)) {
                return null;
            }
            String name = null;
            for (String key = nextField(); key != null; key = nextField()) {
                if (key.equals("name")) {
                    name = text(key);
                } else {
                    json.skipChildren();
                }
            }
            return name;
        }

        private void hashes(ComponentDraft draft) throws IOException {
            if (!expect(JsonToken.START_ARRAY, "hashes")) {
                return;
            }
            while (nextObject("a hash")) {
                String alg = null;
                String content = null;
                for (String key = nextField(); key != null; key = nextField()) {
                    switch (key) {
                        case "alg" -> alg = text(key);
                        case "content" -> content = text(key);
                        default -> json.skipChildren();
                    }
                }
                draft.addHash(alg, content);
            }
        }

        /** Each entry is {"license": {id | name, acknowledgement}} or {"expression", acknowledgement}. */
        private void licences(ComponentDraft draft) throws IOException {
            if (!expect(JsonToken.START_ARRAY, "licenses")) {
                return;
            }
            while (nextObject("a licence entry")) {
                String choice = null;
                String acknowledgement = null;
                for (String key = nextField(); key != null; key = nextField()) {
                    switch (key) {
                        case "expression" -> choice = text(key);
                        case "acknowledgement" -> acknowledgement = text(key);
                        case "license" -> {
                            licence();
                            choice = licenceIdOrName;
                            acknowledgement = licenceAcknowledgement;
                        }
                        default -> json.skipChildren();
                    }
                }
                if (choice == null) {
                    draft.problems.add("skipped a licence with neither id, name nor expression");
                }
                draft.addLicence(choice, "concluded".equals(acknowledgement));
            }
        }

        /** Reads a license object into {@link #licenceIdOrName} and {@link #licenceAcknowledgement}. */
        private void licence() throws IOException {
            licenceIdOrName = null;
            licenceAcknowledgement = null;
            if (!expect(JsonToken.START_OBJECT, "license")) {
                return;
            }
            String id = null;
            String name = null;
            for (String key = nextField(); key != null; key = nextField()) {
                switch (key) {
                    case "id" -> id = text(key);
                    case "name" -> name = text(key);
                    case "acknowledgement" -> licenceAcknowledgement = text(key);
                    default -> json.skipChildren();
                }
            }
            licenceIdOrName = id != null ? id : name;
        }

        private void externalReferences(ComponentDraft draft) throws IOException {
            if (!expect(JsonToken.START_ARRAY, "externalReferences")) {
                return;
            }
            while (nextObject("an external reference")) {
                String type = null;
                String url = null;
                for (String key = nextField(); key != null; key = nextField()) {
                    switch (key) {
                        case "type" -> type = text(key);
                        case "url" -> url = text(key);
                        default -> json.skipChildren();
                    }
                }
                if (draft.vcsUrl == null && "vcs".equals(type)) {
                    draft.vcsUrl = url;
                }
            }
        }

        /** Each entry is {"ref", "dependsOn": [refs]}; 1.6 "provides" names implementations, not dependencies. */
        private void dependencies() throws IOException {
            if (!expect(JsonToken.START_ARRAY, "dependencies")) {
                return;
            }
            while (nextObject("an entry of dependencies")) {
                int line = json.currentTokenLocation().getLineNr();
                String ref = null;
                dependsOn.clear();
                for (String key = nextField(); key != null; key = nextField()) {
                    switch (key) {
                        case "ref" -> ref = text(key);
                        case "dependsOn" -> refs(key);
                        default -> json.skipChildren();
                    }
                }
                if (ref == null) {
                    feed.warning("skipped a dependency entry without ref at line " + line);
                    continue;
                }
                for (String target : dependsOn) {
                    feed.dependsOn(ref, target);
                }
            }
        }

        private void refs(String field) throws IOException {
            if (!expect(JsonToken.START_ARRAY, field)) {
                return;
            }
            while (json.nextToken() != JsonToken.END_ARRAY) {
                String ref = text(field);
                if (ref != null) {
                    dependsOn.add(ref);
                }
            }
        }

        /** Moves to the next object in the current array, skipping other entries with a warning; false at its end. */
        private boolean nextObject(String what) throws IOException {
            while (json.nextToken() != JsonToken.END_ARRAY) {
                if (expect(JsonToken.START_OBJECT, what)) {
                    return true;
                }
            }
            return false;
        }

        /** The next field's name, with the parser on its value; null at the end of the object. */
        private String nextField() throws IOException {
            if (json.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String name = json.currentName();
            json.nextToken();
            return name;
        }

        /** The current value as text; a JSON number or boolean is kept as written, an object or array is skipped. */
        private String text(String field) throws IOException {
            JsonToken token = json.currentToken();
            if (token.isScalarValue()) {
                return token == JsonToken.VALUE_NULL ? null : json.getText();
            }
            warnUnexpected(field + " as text");
            json.skipChildren();
            return null;
        }

        /** True when the current token is {@code wanted}; otherwise warns, skips the value and answers false. */
        private boolean expect(JsonToken wanted, String what) throws IOException {
            if (json.currentToken() == wanted) {
                return true;
            }
            if (json.currentToken() != JsonToken.VALUE_NULL) {
                warnUnexpected(what + (wanted == JsonToken.START_ARRAY ? " as an array" : " as an object"));
            }
            json.skipChildren();
            return false;
        }

        private void warnUnexpected(String expected) {
            JsonLocation at = json.currentTokenLocation();
            feed.warning("skipped " + describe(json.currentToken()) + " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ": expected " + expected);
        }

        private static String describe(JsonToken token) {
            return switch (token) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "a boolean";
                default -> token.toString();
            };
        }
    }
}
