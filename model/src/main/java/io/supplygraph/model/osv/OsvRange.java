package io.supplygraph.model.osv;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.stream.Collectors;

/** An OSV range: {@code type} is SEMVER, ECOSYSTEM or GIT; {@code repo} is set for GIT ranges. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OsvRange(String type, String repo, List<OsvEvent> events) {

    public OsvRange {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** How a verdict names this range: {@code ECOSYSTEM [introduced 0, fixed 1.2.3]}. */
    public String describe() {
        return type + (repo == null ? "" : " " + repo)
                + events.stream().map(OsvEvent::toString).collect(Collectors.joining(", ", " [", "]"));
    }
}
