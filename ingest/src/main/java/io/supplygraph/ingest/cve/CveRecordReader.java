package io.supplygraph.ingest.cve;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentReader;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.cvss.CvssScale;
import io.supplygraph.model.fact.AdvisoryFacts.Severity;
import io.supplygraph.model.fact.CveFacts;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CVE record (CVE JSON 5.x, as the CVE Program publishes it in cvelistV5) for its severity: the CVSS
 * metrics of the CNA's container, or where the CNA gives none, of CISA's ADP container (CISA's "vulnrichment" rates
 * records their CNA left unrated). Of several metrics the newest CVSS version wins (4.0, 3.1, 3.0, 2.0), as for OSV
 * records: it describes the same flaw with more precision. The score and rating are the record's own
 * ({@code baseScore}, {@code baseSeverity}); CVSS 2.0 metrics carry no rating, which NVD's v2 scale gives. Textual
 * severities ({@code other}) are not CVSS and are left out. A record is small, so it is read whole.
 */
public final class CveRecordReader implements DocumentReader {

    static final String CISA_ADP = "CISA-ADP";
    /** Newest first: the metric keys of CVE JSON 5.x and their rank. */
    private static final List<String> METRICS = List.of("cvssV4_0", "cvssV3_1", "cvssV3_0", "cvssV2_0");

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();

    private record Rated(Severity severity, String provider) {}

    @Override
    public CveFacts read(InputStream in, String name) throws IOException, DocumentRejectedException {
        JsonNode record;
        try {
            record = JSON.readTree(in);
        } catch (JacksonException e) {
            throw new DocumentRejectedException(ReadLimits.jsonFailure(e, ""), e);
        }
        if (record == null || !"CVE_RECORD".equals(record.path("dataType").asText())) {
            throw new DocumentRejectedException("not a CVE record: no \"dataType\": \"CVE_RECORD\"");
        }
        JsonNode metadata = record.path("cveMetadata");
        String id = metadata.path("cveId").asText("");
        if (!id.matches("CVE-\\d{4}-\\d{4,}")) {
            throw new DocumentRejectedException("a CVE record without a valid cveMetadata.cveId: '" + id + "'");
        }
        String state = metadata.path("state").asText("PUBLISHED");
        String updated = firstOf(metadata, "dateUpdated", "datePublished", "dateReserved");
        List<String> warnings = new ArrayList<>();
        Rated rated = state.equalsIgnoreCase("REJECTED") ? null : rate(record.path("containers"), warnings);
        return new CveFacts(record.path("dataVersion").asText(null), id, state.toUpperCase(Locale.ROOT), updated,
                rated == null ? null : rated.severity(), rated == null ? null : rated.provider(), warnings);
    }

    private static Rated rate(JsonNode containers, List<String> warnings) {
        Severity cna = best(containers.path("cna").path("metrics"), warnings);
        if (cna != null) {
            return new Rated(cna, "cna");
        }
        for (JsonNode adp : containers.path("adp")) {
            if (CISA_ADP.equals(adp.path("providerMetadata").path("shortName").asText())) {
                Severity s = best(adp.path("metrics"), warnings);
                if (s != null) {
                    return new Rated(s, "adp:" + CISA_ADP);
                }
            }
        }
        return null;
    }

    /** The newest CVSS version's metric among a container's, or null. */
    private static Severity best(JsonNode metrics, List<String> warnings) {
        for (String key : METRICS) {
            for (JsonNode metric : metrics) {
                JsonNode cvss = metric.path(key);
                if (cvss.isObject()) {
                    Severity s = severity(key, cvss);
                    if (s != null) {
                        return s;
                    }
                    warnings.add(key + " metric without a baseScore or baseSeverity: skipped");
                }
            }
        }
        return null;
    }

    private static Severity severity(String key, JsonNode cvss) {
        String vector = cvss.path("vectorString").asText(null);
        Double score = cvss.path("baseScore").isNumber() ? cvss.path("baseScore").asDouble() : null;
        String rating = cvss.path("baseSeverity").asText("").toLowerCase(Locale.ROOT);
        if (rating.isEmpty() && score != null) {
            rating = key.equals("cvssV2_0") ? CvssScale.v2Rating(score) : CvssScale.v3Rating(score);
        }
        if (rating.isEmpty()) {
            return null;
        }
        return new Severity(rating, score, vector);
    }

    private static String firstOf(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.path(f).isTextual()) {
                return node.path(f).asText();
            }
        }
        return null;
    }
}
