package io.supplygraph.ingest.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvPackage;
import io.supplygraph.model.osv.OsvRange;
import java.util.List;
import java.util.Map;

/**
 * An OSV record as written, JSON or YAML: the fields that matching, severity and the incremental import read.
 * Bound to records, never to a tree, so that an unquoted YAML version such as {@code 1.10} stays the text
 * {@code "1.10"} instead of becoming the number 1.1.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OsvFile(
        String id,
        String modified,
        String published,
        String withdrawn,
        @JsonProperty("schema_version") String schemaVersion,
        List<String> aliases,
        String summary,
        List<SeverityEntry> severity,
        List<Entry> affected,
        @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {

    OsvFile {
        aliases = aliases == null ? List.of() : aliases;
        severity = severity == null ? List.of() : severity;
        affected = affected == null ? List.of() : affected;
        databaseSpecific = databaseSpecific == null ? Map.of() : databaseSpecific;
    }

    /** A {@code severity[]} entry: {@code type} is CVSS_V2, CVSS_V3, CVSS_V4 or an ecosystem's own (Ubuntu). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeverityEntry(String type, String score) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(
            @JsonProperty("package") OsvPackage pkg,
            List<OsvRange> ranges,
            List<String> versions,
            List<SeverityEntry> severity,
            @JsonProperty("ecosystem_specific") Map<String, Object> ecosystemSpecific,
            @JsonProperty("database_specific") Map<String, Object> databaseSpecific) {

        Entry {
            severity = severity == null ? List.of() : severity;
            ecosystemSpecific = ecosystemSpecific == null ? Map.of() : ecosystemSpecific;
            databaseSpecific = databaseSpecific == null ? Map.of() : databaseSpecific;
        }

        OsvAffected toAffected() {
            return new OsvAffected(pkg, ranges, versions);
        }
    }
}
