package io.supplygraph.ingest.intoto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.spdx.JsonInput;
import io.supplygraph.model.Digest;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.AttestationFacts.Subject;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.model.fact.SbomFacts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads an in-toto Statement, v0.1 or v1, with any predicate: SLSA provenance (v0.1, v0.2, v1) becomes
 * {@link ProvenanceFacts}; an SPDX or CycloneDX predicate is read by the SBOM reader of its format and
 * describes the statement's subjects; any other predicate (OpenVEX included, until the VEX readers take
 * it) is a generic attestation about its subjects.
 *
 * <p>This reads the statement only. A signed statement arrives as the payload of a DSSE envelope or a Sigstore
 * bundle; whoever unwraps (and verifies) the envelope hands the payload bytes to {@link #read(byte[])}.
 *
 * <p>The predicate's bytes are buffered, not streamed: a statement may write its predicate before its
 * predicateType (JSON objects are unordered, and v1 statements often do), and which parser reads the predicate
 * depends on that type. Statements are envelope payloads, held whole by their envelope anyway.
 */
public final class StatementReader implements DocumentReader {

    static final String STATEMENT_TYPE = "https://in-toto.io/Statement/";

    /** Tree reads of already-parsed, hence already-bounded, parts; the root parse applies the limits. */
    private static final ObjectMapper TREES = ReadLimits.jsonMapper();
    private static final JsonFactory COPIES = new JsonFactory();

    /** Reads a statement given as bytes: the payload of an envelope. */
    public AttestationFacts read(byte[] payload) throws IOException, DocumentRejectedException {
        return read(new ByteArrayInputStream(payload), "statement");
    }

    @Override
    public AttestationFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        List<String> warnings = new ArrayList<>();
        Parts parts = new Parts();
        JsonInput.read(in, warnings::add, "an in-toto Statement", p -> parts.read(p));
        String version = statementVersion(parts.type, warnings);
        if (parts.predicateType == null || parts.predicateType.isBlank()) {
            throw new DocumentRejectedException("not an in-toto Statement: it has no predicateType");
        }
        List<Subject> subjects = subjects(parts.subject, warnings);
        if (subjects.isEmpty()) {
            warnings.add("the statement has no subject: it is about nothing Supplygraph can name");
        }
        ProvenanceFacts provenance = null;
        SbomFacts sbom = null;
        String slsa = SlsaProvenanceReader.version(parts.predicateType);
        if (slsa != null) {
            provenance = new SlsaProvenanceReader(slsa, warnings).read(predicateTree(parts));
        } else if (SbomPredicate.isSbom(parts.predicateType)) {
            sbom = SbomPredicate.read(parts.predicate, name, digestsOf(subjects), warnings);
        }
        return new AttestationFacts(version, parts.predicateType, subjects, provenance, sbom, warnings);
    }

    /** The version from {@code _type}; a statement without one is read as one, since its other keys say so. */
    private static String statementVersion(String type, List<String> warnings) throws DocumentRejectedException {
        if (type == null) {
            warnings.add("the statement has no _type; read as an in-toto Statement because it has predicateType"
                    + " and subject");
            return null;
        }
        if (!type.startsWith(STATEMENT_TYPE)) {
            throw new DocumentRejectedException("not an in-toto Statement: _type is " + type);
        }
        String version = type.substring(STATEMENT_TYPE.length());
        return version.startsWith("v") ? version.substring(1) : version;
    }

    private static List<Subject> subjects(JsonNode array, List<String> warnings) {
        List<Subject> subjects = new ArrayList<>();
        for (JsonNode s : Json.objects(array, "subject", warnings)) {
            subjects.add(new Subject(Json.text(s, "name"), Json.text(s, "uri"), digests(s.get("digest"), warnings)));
        }
        return subjects;
    }

    /** An in-toto DigestSet: algorithm to hex (or, for gitCommit and the like, the value as written). */
    static List<Digest> digests(JsonNode set, List<String> warnings) {
        List<Digest> digests = new ArrayList<>();
        if (set == null || set.isNull()) {
            return digests;
        }
        if (!set.isObject()) {
            warnings.add("a digest is not an object of algorithm to value (skipped)");
            return digests;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                warnings.add("digest " + e.getKey() + " has no text value (skipped)");
                continue;
            }
            try {
                digests.add(new Digest(e.getKey(), e.getValue().asText()));
            } catch (IllegalArgumentException ex) {
                warnings.add("digest " + e.getKey() + ": " + ex.getMessage() + " (skipped)");
            }
        }
        return digests;
    }

    private static List<Digest> digestsOf(List<Subject> subjects) {
        List<Digest> digests = new ArrayList<>();
        subjects.forEach(s -> digests.addAll(s.digests()));
        return digests;
    }

    private static JsonNode predicateTree(Parts parts) throws IOException {
        return parts.predicate == null ? TREES.nullNode() : TREES.readTree(parts.predicate);
    }

    /** The top-level fields a statement has; the rest are ignored, as the in-toto specification asks. */
    private static final class Parts {
        String type;
        String predicateType;
        JsonNode subject;
        /** The predicate as JSON, or as the text of a predicate given as a JSON string (an embedded document). */
        byte[] predicate;

        void read(JsonParser p) throws IOException {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "_type" -> type = JsonInput.text(p);
                    case "predicateType" -> predicateType = JsonInput.text(p);
                    case "subject" -> subject = TREES.readTree(p);
                    case "predicate" -> predicate = copy(p);
                    default -> p.skipChildren();
                }
            }
        }

        private static byte[] copy(JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText().getBytes(StandardCharsets.UTF_8);
            }
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JsonGenerator g = COPIES.createGenerator(bytes)) {
                g.copyCurrentStructure(p);
            }
            return bytes.toByteArray();
        }
    }
}
