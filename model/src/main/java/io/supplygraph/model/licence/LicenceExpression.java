package io.supplygraph.model.licence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An SPDX licence expression, parsed: ids normalised to the SPDX licence list's spelling, operators upper-cased.
 * {@link #toString} writes it back in SPDX syntax, with brackets only where precedence needs them
 * ({@code WITH} binds tighter than {@code AND}, which binds tighter than {@code OR}).
 */
public sealed interface LicenceExpression {

    /**
     * An id from the SPDX licence list, or one it does not hold (kept as written, with a warning at parse time).
     *
     * @param orLater written with {@code +}: this version or any later one
     * @param listed  whether the SPDX licence list holds the id
     */
    record Licence(String id, boolean orLater, boolean listed) implements LicenceExpression {
        @Override
        public String toString() {
            return orLater ? id + "+" : id;
        }
    }

    /** {@code LicenseRef-...}, or {@code DocumentRef-...:LicenseRef-...}: a licence the document defines itself. */
    record LicenceRef(String ref) implements LicenceExpression {
        @Override
        public String toString() {
            return ref;
        }
    }

    /** A licence with an exception ({@code GPL-2.0-only WITH Classpath-exception-2.0}). */
    record WithException(LicenceExpression licence, String exception) implements LicenceExpression {
        @Override
        public String toString() {
            return licence + " WITH " + exception;
        }
    }

    /** Every term applies ({@code AND}). */
    record AllOf(List<LicenceExpression> terms) implements LicenceExpression {
        @Override
        public String toString() {
            return terms.stream().map(t -> t instanceof AnyOf ? "(" + t + ")" : t.toString())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** The licensee may choose any one term ({@code OR}). */
    record AnyOf(List<LicenceExpression> terms) implements LicenceExpression {
        @Override
        public String toString() {
            return terms.stream().map(LicenceExpression::toString).collect(Collectors.joining(" OR "));
        }
    }

    /** SPDX's {@code NONE} (no licence: all rights reserved) or {@code NOASSERTION} (the document does not say). */
    record Unstated(Kind kind) implements LicenceExpression {
        public enum Kind { NONE, NOASSERTION }

        @Override
        public String toString() {
            return kind.name();
        }
    }
}
