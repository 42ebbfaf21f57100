package io.supplygraph.ingest.intoto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The statements inside test files, unwrapped here without verifying anything: a DSSE envelope's base64
 * {@code payload}, a Sigstore bundle's {@code dsseEnvelope.payload}, a {@code .jsonl} file's envelope per line,
 * or a Google Cloud Build summary's {@code provenance_summary.provenance[].envelope.payload}. Reading envelopes
 * (and verifying them) belongs to the verify work; the statement reader takes what comes out.
 */
final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    static List<byte[]> of(Path file) throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        if (file.toString().endsWith(".jsonl")) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    add(JSON.readTree(line), payloads);
                }
            }
        } else {
            add(JSON.readTree(file.toFile()), payloads);
        }
        return payloads;
    }

    private static void add(JsonNode document, List<byte[]> payloads) {
        if (document.has("payload")) {
            payloads.add(Base64.getDecoder().decode(document.get("payload").asText()));
        } else if (document.has("dsseEnvelope")) {
            add(document.get("dsseEnvelope"), payloads);
        } else if (document.has("provenance_summary")) {
            for (JsonNode p : document.path("provenance_summary").path("provenance")) {
                add(p.get("envelope"), payloads);
            }
        }
    }

    static JsonNode tree(byte[] payload) throws IOException {
        return JSON.readTree(payload);
    }
}
