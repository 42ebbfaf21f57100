package io.supplygraph.model.licence;

import io.supplygraph.model.licence.LicenceExpression.AllOf;
import io.supplygraph.model.licence.LicenceExpression.AnyOf;
import io.supplygraph.model.licence.LicenceExpression.Licence;
import io.supplygraph.model.licence.LicenceExpression.LicenceRef;
import io.supplygraph.model.licence.LicenceExpression.Unstated;
import io.supplygraph.model.licence.LicenceExpression.WithException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses SPDX licence expressions (SPDX 2.3 annex D, SPDX 3 "SimpleLicensing"): {@code AND}, {@code OR},
 * {@code WITH}, brackets, {@code +}, {@code LicenseRef-}, {@code DocumentRef-...:LicenseRef-} and
 * {@code AdditionRef-}. A recursive descent parser whose recursion is bounded by the bracket depth, which it
 * refuses past {@value #MAX_DEPTH}: no input makes it recurse without bound. Text that is no expression (a licence's
 * name, as CycloneDX {@code license.name} carries it) is never an error: it comes back as written, with a warning.
 * Operators are read in upper or lower case (SPDX accepts both), ids in any case.
 */
public final class LicenceExpressions {

    /** Bracket nesting refused beyond this; real expressions nest two or three deep. */
    static final int MAX_DEPTH = 32;

    private static final Pattern IDSTRING = Pattern.compile("[A-Za-z0-9.\\-]+");
    private static final Pattern LICENCE_REF = Pattern.compile(
            "(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDITION_REF = Pattern.compile(
            "(DocumentRef-[A-Za-z0-9.\\-]+:)?AdditionRef-[A-Za-z0-9.\\-]+", Pattern.CASE_INSENSITIVE);

    private LicenceExpressions() {}

    public static ParsedLicence parse(String written) {
        List<String> warnings = new ArrayList<>();
        try {
            Parser parser = new Parser(tokens(written), warnings);
            LicenceExpression expression = parser.expression();
            if (parser.position < parser.tokens.size()) {
                throw new Malformed("unexpected '" + parser.tokens.get(parser.position) + "'");
            }
            return new ParsedLicence(written, expression, warnings);
        } catch (Malformed e) {
            warnings.add("not an SPDX licence expression (" + e.getMessage() + "), kept as written: " + written);
            return new ParsedLicence(written, null, warnings);
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    tokens.add(word.toString());
                    word.setLength(0);
                }
                if (!Character.isWhitespace(c)) {
                    tokens.add(String.valueOf(c));
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            tokens.add(word.toString());
        }
        if (tokens.isEmpty()) {
            throw new Malformed("empty");
        }
        return tokens;
    }

    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        private final List<String> tokens;
        private final List<String> warnings;
        private final SpdxLicenceList list = SpdxLicenceList.get();
        private int position;
        private int depth;

        Parser(List<String> tokens, List<String> warnings) {
            this.tokens = tokens;
            this.warnings = warnings;
        }

        /** or-expression := and-expression ("OR" and-expression)* */
        LicenceExpression expression() {
            List<LicenceExpression> terms = new ArrayList<>();
            add(terms, allOf(), AnyOf.class);
            while (operator("OR")) {
                add(terms, allOf(), AnyOf.class);
            }
            return terms.size() == 1 ? terms.get(0) : new AnyOf(List.copyOf(terms));
        }

        /** and-expression := with-expression ("AND" with-expression)* */
        private LicenceExpression allOf() {
            List<LicenceExpression> terms = new ArrayList<>();
            add(terms, withException(), AllOf.class);
            while (operator("AND")) {
                add(terms, withException(), AllOf.class);
            }
            return terms.size() == 1 ? terms.get(0) : new AllOf(List.copyOf(terms));
        }

        /** {@code A AND (B AND C)} is {@code A AND B AND C}: one canonical form for the same meaning. */
        private static void add(List<LicenceExpression> terms, LicenceExpression term,
                Class<? extends LicenceExpression> same) {
            if (term instanceof AllOf all && same == AllOf.class) {
                terms.addAll(all.terms());
            } else if (term instanceof AnyOf any && same == AnyOf.class) {
                terms.addAll(any.terms());
            } else {
                terms.add(term);
            }
        }

        /** with-expression := "(" or-expression ")" | simple ["WITH" exception] */
        private LicenceExpression withException() {
            String token = next("a licence");
            if (token.equals("(")) {
                if (++depth > MAX_DEPTH) {
                    throw new Malformed("brackets nested deeper than " + MAX_DEPTH);
                }
                LicenceExpression inner = expression();
                if (!next("')'").equals(")")) {
                    throw new Malformed("missing ')'");
                }
                depth--;
                return inner;
            }
            LicenceExpression simple = simple(token);
            if (operator("WITH")) {
                if (simple instanceof Unstated) {
                    throw new Malformed(simple + " cannot take an exception");
                }
                return new WithException(simple, exception(next("an exception")));
            }
            return simple;
        }

        private LicenceExpression simple(String token) {
            if (token.equals(")") || isOperator(token)) {
                throw new Malformed("expected a licence, found '" + token + "'");
            }
            for (Unstated.Kind kind : Unstated.Kind.values()) {
                if (token.equalsIgnoreCase(kind.name())) {
                    if (tokens.size() > 1) {
                        warnings.add(kind + " inside a compound licence expression");
                    }
                    return new Unstated(kind);
                }
            }
            if (LICENCE_REF.matcher(token).matches()) {
                return new LicenceRef(token);
            }
            boolean orLater = token.endsWith("+") && token.length() > 1;
            String id = orLater ? token.substring(0, token.length() - 1) : token;
            if (!IDSTRING.matcher(id).matches()) {
                throw new Malformed("'" + token + "' is no licence id");
            }
            Optional<SpdxLicenceList.Listed> listed = list.licence(id);
            if (listed.isEmpty()) {
                warnings.add("'" + id + "' is not on the SPDX licence list " + list.version());
            }
            return new Licence(listed.map(SpdxLicenceList.Listed::id).orElse(id), orLater, listed.isPresent());
        }

        private String exception(String token) {
            if (ADDITION_REF.matcher(token).matches()) {
                return token;
            }
            if (!IDSTRING.matcher(token).matches()) {
                throw new Malformed("'" + token + "' is no licence exception id");
            }
            Optional<String> listed = list.exception(token);
            if (listed.isEmpty()) {
                warnings.add("'" + token + "' is not an exception on the SPDX licence list " + list.version());
            }
            return listed.orElse(token);
        }

        private boolean operator(String name) {
            if (position < tokens.size() && tokens.get(position).toUpperCase(Locale.ROOT).equals(name)
                    && isOperator(tokens.get(position))) {
                position++;
                return true;
            }
            if (position < tokens.size() && !tokens.get(position).equals(")") && !isOperator(tokens.get(position))) {
                throw new Malformed("expected AND, OR or WITH before '" + tokens.get(position) + "'");
            }
            return false;
        }

        private static boolean isOperator(String token) {
            return switch (token) {
                case "AND", "OR", "WITH", "and", "or", "with" -> true;
                default -> false;
            };
        }

        private String next(String expected) {
            if (position >= tokens.size()) {
                throw new Malformed("ends where " + expected + " was expected");
            }
            return tokens.get(position++);
        }
    }
}
