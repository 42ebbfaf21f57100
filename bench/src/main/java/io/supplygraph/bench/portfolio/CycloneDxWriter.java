package io.supplygraph.bench.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import io.supplygraph.bench.portfolio.SbomPlan.Component;
import java.io.IOException;

/** CycloneDX 1.5 JSON, shaped like cdxgen's output: purls as bom-refs, a dependencies entry for every component. */
final class CycloneDxWriter implements SbomWriter {

    private static final String SUBJECT_REF = "app";

    @Override
    public void write(SbomPlan plan, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("bomFormat", "CycloneDX");
        json.writeStringField("specVersion", "1.5");
        json.writeStringField("serialNumber", "urn:uuid:" + plan.serial());
        json.writeNumberField("version", 1);
        json.writeObjectFieldStart("metadata");
        json.writeStringField("timestamp", plan.created().toString());
        json.writeObjectFieldStart("tools");
        json.writeArrayFieldStart("components");
        json.writeStartObject();
        json.writeStringField("type", "application");
        json.writeStringField("name", TOOL);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeObjectFieldStart("component");
        json.writeStringField("type", "application");
        json.writeStringField("bom-ref", SUBJECT_REF);
        json.writeStringField("group", "acme");
        json.writeStringField("name", plan.subjectName());
        json.writeStringField("version", plan.subjectVersion());
        json.writeStringField("purl", SbomWriter.subjectPurl(plan));
        json.writeEndObject();
        json.writeEndObject();

        json.writeArrayFieldStart("components");
        for (Component c : plan.components()) {
            component(c, json);
        }
        json.writeEndArray();

        json.writeArrayFieldStart("dependencies");
        for (int node = 0; node < plan.dependsOn().length; node++) {
            json.writeStartObject();
            json.writeStringField("ref", ref(plan, node));
            json.writeArrayFieldStart("dependsOn");
            for (int target : plan.dependsOn()[node]) {
                json.writeString(ref(plan, target));
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void component(Component c, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "library");
        json.writeStringField("bom-ref", c.purl());
        if (c.pkg().group() != null) {
            json.writeStringField("group", c.pkg().group());
        }
        json.writeStringField("name", c.pkg().name());
        json.writeStringField("version", c.versionText());
        json.writeStringField("description", c.pkg().description());
        json.writeStringField("purl", c.purl());
        if (c.pkg().hashed()) {
            json.writeArrayFieldStart("hashes");
            json.writeStartObject();
            json.writeStringField("alg", "SHA-256");
            json.writeStringField("content", c.sha256());
            json.writeEndObject();
            json.writeEndArray();
        }
        String licence = c.pkg().licence();
        if (licence != null) {
            json.writeArrayFieldStart("licenses");
            json.writeStartObject();
            if (licence.contains(" ")) {
                json.writeStringField("expression", licence);
            } else {
                json.writeObjectFieldStart("license");
                json.writeStringField("id", licence);
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndArray();
        }
        json.writeArrayFieldStart("externalReferences");
        json.writeStartObject();
        json.writeStringField("type", "vcs");
        json.writeStringField("url", c.pkg().vcs());
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static String ref(SbomPlan plan, int node) {
        return node == 0 ? SUBJECT_REF : plan.components().get(node - 1).purl();
    }
}
