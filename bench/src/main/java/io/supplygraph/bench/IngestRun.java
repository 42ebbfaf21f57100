package io.supplygraph.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * What one ingest process reported. Its stdout is the array {@code ingest --json} prints: one object per document
 * ({@code status} is {@code ingested}, {@code already-ingested} or {@code rejected}) and, from the concurrent-writers
 * change on, a last object with {@code status} {@code summary} that counts the retries and conflicts the store
 * absorbed. A process that died, or failed before it finished, printed no array: it reported no documents.
 *
 * @param summary the summary object, or null when the process printed none
 */
record IngestRun(String name, int exit, List<JsonNode> documents, JsonNode summary, String err) {

    /** The exit code given to a process that had to be killed because it ran too long. */
    static final int TIMED_OUT = -1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUMMARY = "summary";

    static IngestRun parse(String name, int exit, String out, String err) {
        List<JsonNode> documents = new ArrayList<>();
        JsonNode summary = null;
        for (JsonNode row : array(out)) {
            if (SUMMARY.equals(row.path("status").asText())) {
                summary = row;
            } else {
                documents.add(row);
            }
        }
        return new IngestRun(name, exit, documents, summary, err);
    }

    private static JsonNode array(String out) {
        try {
            JsonNode parsed = out.isBlank() ? null : JSON.readTree(out);
            return parsed != null && parsed.isArray() ? parsed : JSON.createArrayNode();
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode(); // cut short by a kill
        }
    }

    /** The documents this process reported with {@code status}. */
    List<JsonNode> withStatus(String status) {
        return documents.stream().filter(d -> status.equals(d.path("status").asText())).toList();
    }

    /** A numeric field of the summary; 0 when the process printed no summary. */
    long summary(String field) {
        return summary == null ? 0 : summary.path(field).asLong();
    }

    /** Why the process failed, in one line: the CLI's own error, else the first rejection, else the last line. */
    String problem() {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        String chosen = lines.stream().filter(l -> l.startsWith("supplygraph ")).findFirst()
                .or(() -> lines.stream().filter(l -> l.startsWith("rejected")).findFirst())
                .orElse(lines.isEmpty() ? "(nothing on stderr)" : lines.get(lines.size() - 1));
        return chosen.length() > 300 ? chosen.substring(0, 300) + "..." : chosen;
    }

    @Override
    public String toString() {
        return name + " exit " + exit + (exit == 0 ? "" : ": " + problem());
    }
}
