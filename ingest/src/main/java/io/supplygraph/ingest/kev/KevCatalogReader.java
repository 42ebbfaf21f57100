package io.supplygraph.ingest.kev;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sync.Feed;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the KEV catalog's JSON. The catalog is small (about 1,500 entries, 1 MB), but it is read as a stream of
 * entries all the same, so that only the entries are held and not the descriptions and notes beside them. An entry
 * without a CVE id is skipped: the catalog has none, and nothing could join it to a finding.
 */
public final class KevCatalogReader {

    /** CISA publishes the catalog at {@code <base>/known_exploited_vulnerabilities.json}. */
    public static final Feed FEED = new Feed("kev", URI.create("https://www.cisa.gov/sites/default/files/feeds/"),
            "known_exploited_vulnerabilities.json");

    private static final ObjectMapper JSON = ReadLimits.jsonMapper();

    private KevCatalogReader() {}

    public static KevCatalog read(InputStream in) throws IOException, DocumentRejectedException {
        String version = null;
        String released = null;
        List<KevCatalog.Entry> entries = new ArrayList<>();
        boolean sawVulnerabilities = false;
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new DocumentRejectedException("not a KEV catalog: a JSON object was expected");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "catalogVersion" -> version = p.getValueAsString();
                    case "dateReleased" -> released = p.getValueAsString();
                    case "vulnerabilities" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new DocumentRejectedException("not a KEV catalog: vulnerabilities is not a list");
                        }
                        sawVulnerabilities = true;
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            KevCatalog.Entry entry = entry(JSON.readTree(p));
                            if (entry != null) {
                                entries.add(entry);
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new DocumentRejectedException("the KEV catalog does not read as JSON: " + e.getOriginalMessage());
        }
        if (!sawVulnerabilities) {
            throw new DocumentRejectedException("not a KEV catalog: it has no vulnerabilities list");
        }
        return new KevCatalog(version, released, entries);
    }

    private static KevCatalog.Entry entry(JsonNode node) {
        String cve = text(node, "cveID");
        if (cve == null) {
            return null;
        }
        return new KevCatalog.Entry(cve.toUpperCase(Locale.ROOT), text(node, "vendorProject"), text(node, "product"),
                text(node, "vulnerabilityName"), text(node, "dateAdded"), text(node, "dueDate"),
                text(node, "knownRansomwareCampaignUse"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
