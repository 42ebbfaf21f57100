package io.supplygraph.server;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CycloneDX BOM of many components written straight to a file, never held in memory: the test's heap must not be
 * what limits how large an upload it can send. Each component is about 230 bytes, as real tools write them (a purl
 * and a SHA-256); component i hangs under component (i - 1) / 8, node 0 being the subject, so the tree is as deep
 * as a real one and its every edge is computed, not remembered.
 */
final class LargeBom {

    private static final int FAN_OUT = 8;
    private static final JsonFactory JSON = new JsonFactory();

    private LargeBom() {}

    /** Writes a BOM of {@code components} components (the subject not counted) to {@code file}. */
    static Path write(Path file, int components) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("bomFormat", "CycloneDX");
            json.writeStringField("specVersion", "1.5");
            json.writeNumberField("version", 1);
            json.writeObjectFieldStart("metadata");
            json.writeObjectFieldStart("component");
            json.writeStringField("type", "application");
            json.writeStringField("bom-ref", ref(0));
            json.writeStringField("name", "large-" + components);
            json.writeStringField("version", "1.0.0");
            json.writeStringField("purl", "pkg:generic/acme/large-" + components + "@1.0.0");
            json.writeEndObject();
            json.writeEndObject();

            json.writeArrayFieldStart("components");
            for (int i = 1; i <= components; i++) {
                String name = "large-lib-" + i;
                String version = "1." + i % 7 + "." + i % 10;
                json.writeStartObject();
                json.writeStringField("type", "library");
                json.writeStringField("bom-ref", ref(i));
                json.writeStringField("name", name);
                json.writeStringField("version", version);
                json.writeStringField("purl", "pkg:npm/" + name + "@" + version);
                json.writeArrayFieldStart("hashes");
                json.writeStartObject();
                json.writeStringField("alg", "SHA-256");
                json.writeStringField("content", String.format("%064x", i));
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();

            json.writeArrayFieldStart("dependencies");
            for (int node = 0; firstChild(node) <= components; node++) {
                json.writeStartObject();
                json.writeStringField("ref", ref(node));
                json.writeArrayFieldStart("dependsOn");
                for (int child = firstChild(node); child < firstChild(node + 1) && child <= components; child++) {
                    json.writeString(ref(child));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return file;
    }

    private static int firstChild(int node) {
        return node * FAN_OUT + 1;
    }

    private static String ref(int node) {
        return node == 0 ? "app" : "c" + node;
    }
}
