package io.supplygraph.model.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One entry of an OSV record's {@code affected[]}: a package, its ranges and its explicit version list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvAffected(@JsonProperty("package") OsvPackage pkg, List<OsvRange> ranges, List<String> versions) {

    public OsvAffected {
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }
}
