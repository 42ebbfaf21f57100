package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import io.supplygraph.model.DocumentFormat;
import java.util.List;
import java.util.Locale;

/**
 * How much an SBOM can be trusted to say what is in it: a score from 0 to 10, the weighted mean of its applicable
 * checks' scores, and each check's verdict and reason (README, "SBOM quality", lists the checks and weights).
 *
 * @param score  0 to 10, one decimal; null when the document's measures were never taken (ingested before
 *               quality existed)
 * @param checks in the order the checks are declared: NTIA minimum elements, BSI TR-03183-2, structure
 */
public record Quality(String digest, DocumentFormat format, String specVersion, Double score, List<Check> checks) {

    /**
     * @param check    the check's name ({@code ntia_supplier}, ...)
     * @param standard what asks for it: {@code ntia}, {@code bsi} or {@code structure}
     * @param weight   its weight in the score
     * @param score    0 to 10: the share of components that pass, or all or nothing for a document-wide check;
     *                 null when not applicable
     */
    public record Check(String check, String standard, double weight, Verdict verdict, Double score, String reason) {}

    /** A check passes when every component passes it; it is not applicable when there is nothing to judge. */
    public enum Verdict {
        PASS,
        FAIL,
        NOT_APPLICABLE;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
