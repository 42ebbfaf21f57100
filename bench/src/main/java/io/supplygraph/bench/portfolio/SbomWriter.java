package io.supplygraph.bench.portfolio;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes a planned SBOM in one document format, streaming, so a 100 MB document never exists in memory. */
public sealed interface SbomWriter permits CycloneDxWriter, Spdx23Writer {

    String TOOL = "supplygraph-portfolio-generator";

    static SbomWriter cycloneDx() {
        return new CycloneDxWriter();
    }

    static SbomWriter spdx() {
        return new Spdx23Writer();
    }

    void write(SbomPlan plan, JsonGenerator json) throws IOException;

    /** The subject's purl: an application is named in the generic type, as image and build tools do. */
    static String subjectPurl(SbomPlan plan) {
        return "pkg:generic/acme/" + plan.subjectName() + "@" + plan.subjectVersion();
    }
}
