package io.supplygraph.ingest.vex;

import static io.supplygraph.ingest.vex.VexJson.array;
import static io.supplygraph.ingest.vex.VexJson.first;
import static io.supplygraph.ingest.vex.VexJson.text;
import static io.supplygraph.ingest.vex.VexJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.ingest.sbom.SbomVexStatement;
import io.supplygraph.model.fact.VexFacts.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * CycloneDX VEX: a BOM's {@code vulnerabilities[]}, standalone or inside an SBOM. An entry with an
 * {@code analysis.state} is a VEX statement for each of its {@code affects[]} targets (and for each explicit
 * version of a target); an entry without one only reports a vulnerability (a VDR) and says nothing here.
 * Targets stay refs: the SBOM assembler resolves them against the document's components.
 */
public final class CycloneDxVex {

    private CycloneDxVex() {}

    /**
     * @param vulnerabilities   the {@code vulnerabilities} array
     * @param documentTimestamp {@code metadata.timestamp}, for analyses that carry no date of their own, or null
     */
    public static void read(JsonNode vulnerabilities, String documentTimestamp, Consumer<SbomVexStatement> statements,
            Consumer<String> warnings) {
        Instant documentTime = VexJson.timestamp(documentTimestamp, "metadata.timestamp", warnings);
        for (JsonNode v : vulnerabilities) {
            String id = text(v, "id");
            JsonNode analysis = v.get("analysis");
            String state = text(analysis, "state");
            if (state == null) {
                continue;
            }
            if (id == null) {
                warnings.accept("skipped a vulnerability analysis without an id");
                continue;
            }
            Status status = status(state);
            if (status == null) {
                warnings.accept("vulnerability " + id + ": unknown analysis state '" + state + "'; skipped");
                continue;
            }
            List<String> aliases = new ArrayList<>();
            for (JsonNode reference : array(v, "references")) {
                String alias = text(reference, "id");
                if (alias != null && !alias.equals(id) && !aliases.contains(alias)) {
                    aliases.add(alias);
                }
            }
            List<String> responses = texts(analysis, "response");
            String action = first(text(v, "recommendation"), responses.isEmpty() ? null : String.join(", ", responses));
            Instant time = first(VexJson.timestamp(first(text(analysis, "lastUpdated"), text(analysis, "firstIssued")),
                    "vulnerability " + id + " analysis date", warnings), documentTime);
            String justification = text(analysis, "justification");
            String impact = text(analysis, "detail");
            boolean any = false;
            for (JsonNode affects : array(v, "affects")) {
                String ref = text(affects, "ref");
                if (ref == null) {
                    warnings.accept("vulnerability " + id + ": an affects entry without ref; skipped");
                    continue;
                }
                any = true;
                if (!affects.path("versions").isArray() || affects.path("versions").isEmpty()) {
                    statements.accept(new SbomVexStatement(id, aliases, ref, null, status, justification, impact,
                            action, time));
                    continue;
                }
                for (JsonNode version : affects.get("versions")) {
                    String exact = text(version, "version");
                    if (exact == null) {
                        warnings.accept("vulnerability " + id + ": version range '" + text(version, "range")
                                + "' of " + ref + " is not applied (only explicit versions are)");
                        continue;
                    }
                    Status versionStatus = "unaffected".equals(text(version, "status")) ? Status.NOT_AFFECTED : status;
                    statements.accept(new SbomVexStatement(id, aliases, ref, exact, versionStatus, justification,
                            impact, action, time));
                }
            }
            if (!any) {
                warnings.accept("vulnerability " + id + ": the analysis names no affected component; skipped");
            }
        }
    }

    /** CycloneDX analysis states onto the four VEX statuses (as CycloneDX's own VEX guide maps them). */
    static Status status(String state) {
        return switch (state) {
            case "not_affected", "false_positive" -> Status.NOT_AFFECTED;
            case "exploitable" -> Status.AFFECTED;
            case "resolved", "resolved_with_pedigree" -> Status.FIXED;
            case "in_triage" -> Status.UNDER_INVESTIGATION;
            default -> null;
        };
    }
}
