package io.supplygraph.analysis.remediation.manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.supplygraph.ingest.ReadLimits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An npm {@code package.json}: a dependency's range is moved to the target, keeping its operator ({@code ^},
 * {@code ~}, {@code >=} or none); a package it does not declare (a transitive one) gets an {@code overrides} entry,
 * which npm 8.3+ applies to the whole tree. A range the target cannot be written into without changing its meaning
 * ({@code 1.x}, {@code ||}, a hyphen range, an upper bound) is refused. Edits are made at the offsets Jackson's
 * parser reports for the tokens, so that the rest of the file stays as written.
 */
final class PackageJsonManifest implements ManifestFormat {

    private static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies",
            "peerDependencies");
    private static final Pattern SIMPLE_RANGE = Pattern.compile("^(\\^|~|>=|=|v)?\\s*\\d+(\\.\\d+){0,2}([-+][\\w.\\-+]*)?$");
    private static final Pattern OPERATOR = Pattern.compile("^(\\^|~|>=|=)?");

    /** A string value in the document: where its token starts and ends, and its text. */
    private record Value(int start, int end, String text) {}

    /** What the document says of one package. */
    private static final class Found {
        final List<Value> declared = new ArrayList<>();
        Value override;
        int overridesOpen = -1;
        int rootClose = -1;
        boolean hasOverrides;
    }

    @Override
    public String purlType() {
        return "npm";
    }

    @Override
    public String apply(String text, Bump bump) throws Refused {
        Found found = scan(text, bump.displayName());
        String result = text;
        if (found.override != null) {
            result = Text.replace(result, found.override.start(), found.override.end(), quoted(bump.target()));
        }
        if (!found.declared.isEmpty()) {
            for (int i = found.declared.size() - 1; i >= 0; i--) {
                Value v = found.declared.get(i);
                result = Text.replace(result, v.start(), v.end(), quoted(widened(v.text(), bump)));
            }
            return result;
        }
        if (found.override != null) {
            return result;
        }
        return found.hasOverrides ? addOverride(result, found.overridesOpen, bump) : addOverrides(result, found.rootClose,
                bump);
    }

    private static String widened(String range, Bump bump) throws Refused {
        String r = range.strip();
        if (!SIMPLE_RANGE.matcher(r).matches()) {
            throw new Refused(bump.displayName() + " is declared as \"" + range + "\", which cannot be moved to "
                    + bump.target() + " without changing what it admits: edit it by hand");
        }
        Matcher op = OPERATOR.matcher(r);
        return (op.find() ? op.group(1) == null ? "" : op.group(1) : "") + bump.target();
    }

    private static String addOverride(String text, int open, Bump bump) {
        String nl = Text.lineEnding(text);
        int close = matchingClose(text, open);
        boolean empty = text.substring(open + 1, close).isBlank();
        String indent = Text.indentAt(text, open) + Text.indentUnit(text);
        String entry = nl + indent + quoted(bump.displayName()) + ": " + quoted(bump.target()) + (empty ? "" : ",");
        if (empty) {
            return text.substring(0, open + 1) + entry + nl + Text.indentAt(text, open) + text.substring(close);
        }
        return text.substring(0, open + 1) + entry + text.substring(open + 1);
    }

    private static String addOverrides(String text, int rootClose, Bump bump) throws Refused {
        if (rootClose < 0) {
            throw new Refused("package.json is not a JSON object");
        }
        String nl = Text.lineEnding(text);
        String unit = Text.indentUnit(text);
        int last = rootClose - 1;
        while (last >= 0 && Character.isWhitespace(text.charAt(last))) {
            last--;
        }
        boolean empty = text.charAt(last) == '{';
        String block = (empty ? "" : ",") + nl + unit + "\"overrides\": {" + nl + unit + unit + quoted(bump.displayName())
                + ": " + quoted(bump.target()) + nl + unit + "}";
        return text.substring(0, last + 1) + block + text.substring(last + 1);
    }

    private static int matchingClose(String text, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static Found scan(String text, String name) throws Refused {
        Found found = new Found();
        try (JsonParser p = ReadLimits.jsonMapper().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Refused("package.json is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String section = p.currentName();
                JsonToken value = p.nextToken();
                if (value == JsonToken.START_OBJECT && (SECTIONS.contains(section) || section.equals("overrides"))) {
                    if (section.equals("overrides")) {
                        found.hasOverrides = true;
                        found.overridesOpen = (int) p.currentTokenLocation().getCharOffset();
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonToken v = p.nextToken();
                        if (key.equals(name) && v == JsonToken.VALUE_STRING) {
                            int start = (int) p.currentTokenLocation().getCharOffset();
                            // getText() first: the parser reads a string's end only when asked for its text
                            String range = p.getText();
                            Value value1 = new Value(start, (int) p.currentLocation().getCharOffset(), range);
                            if (section.equals("overrides")) {
                                found.override = value1;
                            } else {
                                found.declared.add(value1);
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
            found.rootClose = (int) p.currentTokenLocation().getCharOffset();
        } catch (IOException e) {
            throw new Refused("package.json does not read as JSON: " + e.getMessage());
        }
        return found;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
