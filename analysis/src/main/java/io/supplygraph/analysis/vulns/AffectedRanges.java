package io.supplygraph.analysis.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.analysis.view.AffectedRange;
import io.supplygraph.analysis.view.Json;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.AdvisorySql.AffectedRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The affected ranges of the advisories that name a vulnerability, read back from the OSV entries stored with them
 * and written as intervals people read: each {@code introduced} opens one, the next {@code fixed} (exclusive),
 * {@code last_affected} (inclusive) or {@code limit} closes it.
 */
public final class AffectedRanges {

    private final GraphStore store;

    public AffectedRanges(GraphStore store) {
        this.store = store;
    }

    /** By advisory, then ecosystem and package, as the records list them. */
    public List<AffectedRange> of(Set<Long> advisories) {
        Map<Long, AdvisoryRow> rows = store.advisories().byIds(advisories);
        List<AffectedRange> ranges = new ArrayList<>();
        for (AffectedRow row : store.advisories().affectedOf(advisories)) {
            JsonNode entry = read(row);
            JsonNode pkg = entry.path("package");
            List<String> intervals = new ArrayList<>();
            List<String> fixed = new ArrayList<>();
            for (JsonNode range : entry.path("ranges")) {
                String type = range.path("type").asText();
                String prefix = type.equals("ECOSYSTEM") ? "" : type + " ";
                intervals.addAll(intervals(range.path("events"), prefix, fixed));
            }
            ranges.add(new AffectedRange(rows.get(row.advisory()).osvId(), pkg.path("ecosystem").asText(null),
                    pkg.path("name").asText(null), intervals, fixed, entry.path("versions").size()));
        }
        ranges.sort(Comparator.comparing(AffectedRange::advisory));
        return ranges;
    }

    private static List<String> intervals(JsonNode events, String prefix, List<String> fixed) {
        List<String> intervals = new ArrayList<>();
        String open = null;
        for (JsonNode event : events) {
            if (event.has("introduced")) {
                String v = event.get("introduced").asText();
                open = v.equals("0") ? "" : ">= " + v;
            } else if (open != null) {
                String close = closing(event, fixed);
                if (close != null) {
                    intervals.add(prefix + (open.isEmpty() ? close : open + ", " + close));
                    open = null;
                }
            }
        }
        if (open != null) {
            intervals.add(prefix + (open.isEmpty() ? "every version" : open));
        }
        return intervals;
    }

    private static String closing(JsonNode event, List<String> fixed) {
        if (event.has("fixed")) {
            fixed.add(event.get("fixed").asText());
            return "< " + event.get("fixed").asText();
        }
        if (event.has("last_affected")) {
            return "<= " + event.get("last_affected").asText();
        }
        if (event.has("limit")) {
            return "< " + event.get("limit").asText();
        }
        return null;
    }

    private static JsonNode read(AffectedRow row) {
        try {
            return Json.mapper().readTree(row.entry());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored advisory entry is not JSON", e);
        }
    }
}
