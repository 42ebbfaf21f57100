package io.supplygraph.bench.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import io.supplygraph.bench.portfolio.SbomPlan.Component;
import java.io.IOException;

/** SPDX 2.3 JSON, shaped like syft's output: a DESCRIBES relationship to the subject, one DEPENDS_ON per edge. */
final class Spdx23Writer implements SbomWriter {

    private static final String DOCUMENT = "SPDXRef-DOCUMENT";
    private static final String NOASSERTION = "NOASSERTION";

    @Override
    public void write(SbomPlan plan, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("spdxVersion", "SPDX-2.3");
        json.writeStringField("dataLicense", "CC0-1.0");
        json.writeStringField("SPDXID", DOCUMENT);
        json.writeStringField("name", plan.subjectName());
        json.writeStringField("documentNamespace",
                "https://acme.example/spdx/" + plan.subjectName() + "-" + plan.serial());
        json.writeObjectFieldStart("creationInfo");
        json.writeStringField("created", plan.created().toString());
        json.writeArrayFieldStart("creators");
        json.writeString("Tool: " + TOOL);
        json.writeEndArray();
        json.writeEndObject();

        json.writeArrayFieldStart("packages");
        json.writeStartObject();
        json.writeStringField("SPDXID", id(0));
        json.writeStringField("name", plan.subjectName());
        json.writeStringField("versionInfo", plan.subjectVersion());
        json.writeStringField("downloadLocation", NOASSERTION);
        json.writeStringField("primaryPackagePurpose", "APPLICATION");
        purlReference(SbomWriter.subjectPurl(plan), json);
        json.writeEndObject();
        for (int i = 0; i < plan.components().size(); i++) {
            pkg(i + 1, plan.components().get(i), json);
        }
        json.writeEndArray();

        json.writeArrayFieldStart("relationships");
        relationship(DOCUMENT, "DESCRIBES", id(0), json);
        for (int node = 0; node < plan.dependsOn().length; node++) {
            for (int target : plan.dependsOn()[node]) {
                relationship(id(node), "DEPENDS_ON", id(target), json);
            }
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void pkg(int node, Component c, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("SPDXID", id(node));
        json.writeStringField("name", c.pkg().name());
        json.writeStringField("versionInfo", c.versionText());
        json.writeStringField("supplier", NOASSERTION);
        json.writeStringField("downloadLocation", c.pkg().vcs());
        json.writeBooleanField("filesAnalyzed", false);
        String licence = c.pkg().licence() == null ? NOASSERTION : c.pkg().licence();
        json.writeStringField("licenseConcluded", licence);
        json.writeStringField("licenseDeclared", licence);
        json.writeStringField("copyrightText", NOASSERTION);
        json.writeStringField("description", c.pkg().description());
        if (c.pkg().hashed()) {
            json.writeArrayFieldStart("checksums");
            json.writeStartObject();
            json.writeStringField("algorithm", "SHA256");
            json.writeStringField("checksumValue", c.sha256());
            json.writeEndObject();
            json.writeEndArray();
        }
        purlReference(c.purl(), json);
        json.writeEndObject();
    }

    private static void purlReference(String purl, JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("externalRefs");
        json.writeStartObject();
        json.writeStringField("referenceCategory", "PACKAGE-MANAGER");
        json.writeStringField("referenceType", "purl");
        json.writeStringField("referenceLocator", purl);
        json.writeEndObject();
        json.writeEndArray();
    }

    private static void relationship(String from, String type, String to, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("spdxElementId", from);
        json.writeStringField("relationshipType", type);
        json.writeStringField("relatedSpdxElement", to);
        json.writeEndObject();
    }

    private static String id(int node) {
        return node == 0 ? "SPDXRef-Application" : "SPDXRef-Package-" + node;
    }
}
