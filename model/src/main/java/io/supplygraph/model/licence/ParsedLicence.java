package io.supplygraph.model.licence;

import java.util.List;

/**
 * A licence expression as a document wrote it, and what it means.
 *
 * @param written    the text, as written
 * @param expression the parsed expression, or null when the text is no SPDX expression (a licence's name, a typo):
 *                   such text is kept as written, never guessed at
 * @param warnings   what was wrong: ids the SPDX licence list does not hold, or why the text does not parse
 */
public record ParsedLicence(String written, LicenceExpression expression, List<String> warnings) {

    public ParsedLicence {
        warnings = List.copyOf(warnings);
    }

    public boolean malformed() {
        return expression == null;
    }

    /** The expression in the SPDX licence list's spelling, or the text as written when it does not parse. */
    public String normalised() {
        return expression == null ? written : expression.toString();
    }
}
