package io.supplygraph.model.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One event of an OSV range; exactly one field is set. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OsvEvent(
        String introduced, String fixed, @JsonProperty("last_affected") String lastAffected, String limit) {

    public static OsvEvent introduced(String version) {
        return new OsvEvent(version, null, null, null);
    }

    public static OsvEvent fixed(String version) {
        return new OsvEvent(null, version, null, null);
    }

    public static OsvEvent lastAffected(String version) {
        return new OsvEvent(null, null, version, null);
    }

    public static OsvEvent limit(String version) {
        return new OsvEvent(null, null, null, version);
    }

    /** The version this event names, whichever kind it is. */
    public String version() {
        return introduced != null ? introduced : fixed != null ? fixed : lastAffected != null ? lastAffected : limit;
    }

    @Override
    public String toString() {
        String kind = introduced != null ? "introduced" : fixed != null ? "fixed"
                : lastAffected != null ? "last_affected" : "limit";
        return kind + " " + version();
    }
}
