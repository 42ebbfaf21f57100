package io.supplygraph.ingest.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.dsse.Envelope;
import io.supplygraph.ingest.dsse.EnvelopeJson;
import io.supplygraph.ingest.sigstore.Bundle;
import io.supplygraph.ingest.sigstore.BundleJson;
import io.supplygraph.model.Trust;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens signed documents: a DSSE envelope, a {@code .intoto.jsonl} file (one envelope or bundle per line, as
 * SLSA generators publish them), a Sigstore bundle, or the npm registry's list of attestation bundles, and hands each payload on with its verified trust. This is
 * the seam between verification and the parsers of what was signed (in-toto statements): they get the payload's
 * type and bytes, never the envelope.
 */
public final class EnvelopeReader {

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();

    private final DsseVerifier dsse;
    private final BundleVerifier bundles;

    public EnvelopeReader(VerificationPolicy policy) {
        this.dsse = new DsseVerifier(policy.keys());
        this.bundles = new BundleVerifier(policy);
    }

    /** Every signed payload in the stream, in order; a value that is neither an envelope nor a bundle rejects the whole. */
    public List<SignedPayload> read(InputStream in) throws IOException, DocumentRejectedException {
        List<SignedPayload> payloads = new ArrayList<>();
        try (JsonParser parser = JSON.getFactory().createParser(in);
                MappingIterator<JsonNode> values = JSON.readValues(parser, JsonNode.class)) {
            while (values.hasNextValue()) {
                JsonNode value = values.nextValue();
                if (value.path("attestations").isArray()) {
                    for (JsonNode attestation : value.get("attestations")) {
                        payloads.add(open(attestation.path("bundle")));
                    }
                } else {
                    payloads.add(open(value));
                }
            }
        } catch (JsonProcessingException e) {
            throw new DocumentRejectedException(ReadLimits.jsonFailure(e, ""), e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                throw new DocumentRejectedException(ReadLimits.jsonFailure(json, ""), e);
            }
            throw e;
        }
        if (payloads.isEmpty()) {
            throw new DocumentRejectedException("no DSSE envelope or Sigstore bundle found");
        }
        return payloads;
    }

    private SignedPayload open(JsonNode value) throws DocumentRejectedException {
        if (value.path("mediaType").asText("").startsWith(BundleJson.MEDIA_TYPE_PREFIX)) {
            Bundle bundle = BundleJson.read(value);
            Trust trust = bundles.verify(bundle);
            return bundle.envelope() != null
                    ? new SignedPayload(bundle.envelope().payloadType(), bundle.envelope().payload(), trust)
                    : new SignedPayload(null, null, trust);
        }
        if (value.has("payloadType")) {
            Envelope envelope = EnvelopeJson.read(value);
            return new SignedPayload(envelope.payloadType(), envelope.payload(), dsse.verify(envelope));
        }
        throw new DocumentRejectedException("neither a DSSE envelope nor a Sigstore bundle");
    }
}
