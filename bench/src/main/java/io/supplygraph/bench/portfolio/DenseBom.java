package io.supplygraph.bench.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.stream.IntStream;

/**
 * A CycloneDX 1.5 BOM that is as many components in as few bytes as a real tool writes: each component is its
 * type, a short bom-ref, name, version and purl (about 105 bytes), and only components with dependencies get a
 * {@code dependencies} entry, as syft does. A million components make about 120 MB: a stress test of what the
 * ingest holds per component, where the pool's richer SBOMs (500 bytes per component) test parsing.
 *
 * <p>The graph is computed, not drawn: component i hangs under component (i - 1) / 8 (node 0 is the subject),
 * which makes a tree seven levels deep for a million components, and every 16th component also hangs under
 * its parent's right-hand neighbour (a shared subtree). Nothing is held per component, so writing a million
 * takes seconds and no memory.
 */
public final class DenseBom {

    private static final int FAN_OUT = 8;
    private static final int SHARED_EVERY = 16;

    private DenseBom() {}

    public static void write(int components, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("bomFormat", "CycloneDX");
        json.writeStringField("specVersion", "1.5");
        json.writeStringField("serialNumber", "urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", components));
        json.writeNumberField("version", 1);
        json.writeObjectFieldStart("metadata");
        json.writeObjectFieldStart("component");
        json.writeStringField("type", "application");
        json.writeStringField("bom-ref", ref(0));
        json.writeStringField("name", "dense-" + components);
        json.writeStringField("version", "1.0.0");
        json.writeStringField("purl", "pkg:generic/acme/dense-" + components + "@1.0.0");
        json.writeEndObject();
        json.writeEndObject();

        json.writeArrayFieldStart("components");
        for (int i = 1; i <= components; i++) {
            String name = "d" + i;
            String version = "1.0." + i % 10;
            json.writeStartObject();
            json.writeStringField("type", "library");
            json.writeStringField("bom-ref", ref(i));
            json.writeStringField("name", name);
            json.writeStringField("version", version);
            json.writeStringField("purl", "pkg:npm/" + name + "@" + version);
            json.writeEndObject();
        }
        json.writeEndArray();

        json.writeArrayFieldStart("dependencies");
        for (int node = 0; node == 0 || firstChild(node - 1) <= components; node++) {
            int[] children = children(node, components);
            if (children.length > 0) {
                json.writeStartObject();
                json.writeStringField("ref", ref(node));
                json.writeArrayFieldStart("dependsOn");
                for (int child : children) {
                    json.writeString(ref(child));
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** A node's own children, then every 16th child of its left-hand neighbour (which it shares). */
    private static int[] children(int node, int components) {
        IntStream own = IntStream.range(firstChild(node), firstChild(node + 1));
        IntStream shared = node == 0 ? IntStream.empty()
                : IntStream.range(firstChild(node - 1), firstChild(node)).filter(c -> c % SHARED_EVERY == 0);
        return IntStream.concat(own, shared).filter(c -> c <= components).toArray();
    }

    private static int firstChild(int node) {
        return node * FAN_OUT + 1;
    }

    private static String ref(int node) {
        return node == 0 ? "app" : "c" + node;
    }
}
