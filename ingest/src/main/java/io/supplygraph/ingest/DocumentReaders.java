package io.supplygraph.ingest;

import io.supplygraph.ingest.cyclonedx.CycloneDxJsonParser;
import io.supplygraph.ingest.cyclonedx.CycloneDxXmlParser;
import io.supplygraph.ingest.intoto.StatementReader;
import io.supplygraph.ingest.cve.CveRecordReader;
import io.supplygraph.ingest.osv.OsvReader;
import io.supplygraph.ingest.sbom.SbomReader;
import io.supplygraph.ingest.scorecard.ScorecardReader;
import io.supplygraph.ingest.spdx.Spdx2JsonParser;
import io.supplygraph.ingest.spdx.SpdxTagValueParser;
import io.supplygraph.ingest.spdx3.Spdx3JsonLdParser;
import io.supplygraph.ingest.vex.CsafReader;
import io.supplygraph.ingest.vex.OpenVexReader;
import io.supplygraph.model.DocumentFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Every format Supplygraph ingests, and what reads it, in one place: where a format is read is one look away. */
public final class DocumentReaders {

    private static final Map<DocumentFormat, DocumentReader> READERS = new EnumMap<>(DocumentFormat.class);

    static {
        READERS.put(DocumentFormat.CYCLONEDX_JSON, new SbomReader(new CycloneDxJsonParser()));
        READERS.put(DocumentFormat.CYCLONEDX_XML, new SbomReader(new CycloneDxXmlParser()));
        READERS.put(DocumentFormat.SPDX_2_JSON, new SbomReader(new Spdx2JsonParser()));
        READERS.put(DocumentFormat.SPDX_2_TAG_VALUE, new SbomReader(new SpdxTagValueParser()));
        READERS.put(DocumentFormat.SPDX_3_JSONLD, new SbomReader(new Spdx3JsonLdParser()));
        READERS.put(DocumentFormat.OPENVEX, new OpenVexReader());
        READERS.put(DocumentFormat.CSAF, new CsafReader());
        READERS.put(DocumentFormat.IN_TOTO_STATEMENT, new StatementReader());
        READERS.put(DocumentFormat.SCORECARD, new ScorecardReader());
        READERS.put(DocumentFormat.OSV, new OsvReader());
        READERS.put(DocumentFormat.CVE_RECORD, new CveRecordReader());
    }

    private DocumentReaders() {}

    public static Optional<DocumentReader> forFormat(DocumentFormat format) {
        return Optional.ofNullable(READERS.get(format));
    }
}
