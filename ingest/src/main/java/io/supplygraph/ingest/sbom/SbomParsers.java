package io.supplygraph.ingest.sbom;

import io.supplygraph.ingest.cyclonedx.CycloneDxJsonParser;
import io.supplygraph.ingest.cyclonedx.CycloneDxXmlParser;
import io.supplygraph.ingest.spdx.Spdx2JsonParser;
import io.supplygraph.ingest.spdx.SpdxTagValueParser;
import io.supplygraph.ingest.spdx3.Spdx3JsonLdParser;

import io.supplygraph.model.DocumentFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Every SBOM parser, registered in one place: where a format is parsed is one look away from here. */
public final class SbomParsers {

    private static final Map<DocumentFormat, SbomParser> PARSERS = new EnumMap<>(Map.of(
            DocumentFormat.CYCLONEDX_JSON, new CycloneDxJsonParser(),
            DocumentFormat.CYCLONEDX_XML, new CycloneDxXmlParser(),
            DocumentFormat.SPDX_2_JSON, new Spdx2JsonParser(),
            DocumentFormat.SPDX_2_TAG_VALUE, new SpdxTagValueParser(),
            DocumentFormat.SPDX_3_JSONLD, new Spdx3JsonLdParser()));

    private SbomParsers() {}

    public static Optional<SbomParser> forFormat(DocumentFormat format) {
        return Optional.ofNullable(PARSERS.get(format));
    }
}
