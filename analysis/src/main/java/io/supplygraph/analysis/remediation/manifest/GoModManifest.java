package io.supplygraph.analysis.remediation.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go {@code go.mod}: the module's {@code require} line, alone or in a {@code require (...)} block, gets the target
 * version (its {@code // indirect} comment kept); a module the file does not require is added to the last require
 * block as {@code // indirect}, which minimal version selection then takes as the floor for the whole build. A module
 * that a {@code replace} directive redirects is refused: a require bump would not change what is built.
 */
final class GoModManifest implements ManifestFormat {

    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");

    @Override
    public String purlType() {
        return "golang";
    }

    @Override
    public String apply(String text, Bump bump) throws Refused {
        String module = bump.displayName();
        String code = withoutComments(text);
        String quoted = Pattern.quote(module);
        if (Pattern.compile("(?m)^\\s*(replace\\s+)?" + quoted + "(\\s+v\\S+)?\\s*=>").matcher(code).find()) {
            throw new Refused(module + " is replaced in this go.mod: a require bump would not take effect; update"
                    + " the replace directive to " + target(bump));
        }
        Matcher require = Pattern.compile("(?m)^(\\s*(?:require\\s+)?)" + quoted + "\\s+(v\\S+)").matcher(code);
        while (require.find()) {
            if (insideRequire(code, require.start(), require.group(1))) {
                return Text.replace(text, require.start(2), require.end(2), target(bump));
            }
        }
        String nl = Text.lineEnding(text);
        Matcher block = Pattern.compile("(?m)^require\\s*\\(").matcher(code);
        int lastBlock = -1;
        while (block.find()) {
            lastBlock = block.end();
        }
        String line = module + " " + target(bump) + " // indirect";
        if (lastBlock >= 0) {
            int close = code.indexOf(')', lastBlock);
            int at = Text.lineStart(text, close);
            String indent = Text.indentUnit(text.substring(lastBlock, close)).equals("    ") ? "\t"
                    : Text.indentUnit(text.substring(lastBlock, close));
            return text.substring(0, at) + indent + line + nl + text.substring(at);
        }
        String separator = text.endsWith("\n") ? "" : nl;
        return text + separator + nl + "require " + line + nl;
    }

    /** A require line: one that says {@code require}, or an entry of a {@code require (} block. */
    private static boolean insideRequire(String code, int at, String prefix) {
        if (prefix.strip().equals("require")) {
            return true;
        }
        int open = code.lastIndexOf('(', at);
        int close = code.lastIndexOf(')', at);
        return open > close && code.substring(Text.lineStart(code, open), open).strip().equals("require");
    }

    private static String target(Bump bump) {
        return bump.target().startsWith("v") ? bump.target() : "v" + bump.target();
    }

    private static String withoutComments(String text) {
        return Text.blanked(text, COMMENT);
    }
}
