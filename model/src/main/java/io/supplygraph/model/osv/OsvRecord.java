package io.supplygraph.model.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The parts of an OSV record that version matching needs; unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvRecord(String id, List<String> aliases, List<OsvAffected> affected) {

    public OsvRecord {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        affected = affected == null ? List.of() : List.copyOf(affected);
    }
}
