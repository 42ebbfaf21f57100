package io.supplygraph.analysis.remediation.manifest;

import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.VersionSchemes;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements or constraints file: the requirement line naming the package (names compared as PEP 503
 * normalises them) has its pinned or lower-bound version set to the target, keeping extras, environment markers and
 * comments. A requirement pinned with {@code --hash} is refused (the hashes of the target must be generated, which
 * needs the index), as is one whose other clauses ({@code <}, {@code !=}) exclude the target. A package the file
 * does not name is added to a constraints file (what constraints files are for) and refused for a requirements file.
 */
final class RequirementsManifest implements ManifestFormat {

    /** A requirement: name, optional extras, then its version clauses up to a marker, a comment or a continuation. */
    private static final Pattern REQUIREMENT = Pattern.compile(
            "(?m)^([ \\t]*)([A-Za-z0-9][A-Za-z0-9._-]*)(\\[[^\\]]*])?[ \\t]*([^;#\\\\\\r\\n]*)");
    private static final Pattern CLAUSE = Pattern.compile("(===|==|~=|>=|<=|!=|>|<)\\s*([^,\\s]+)");

    private final boolean constraints;

    RequirementsManifest(boolean constraints) {
        this.constraints = constraints;
    }

    @Override
    public String purlType() {
        return "pypi";
    }

    @Override
    public String apply(String text, Bump bump) throws Refused {
        String wanted = normalised(bump.name());
        Matcher m = REQUIREMENT.matcher(text);
        while (m.find()) {
            if (!normalised(m.group(2)).equals(wanted) || isOption(text, m.start(2))) {
                continue;
            }
            if (hashed(text, m.end())) {
                throw new Refused(bump.name() + " is pinned with --hash: generate the hashes of " + bump.target()
                        + " (pip-compile --generate-hashes) rather than editing the pin");
            }
            return Text.replace(text, m.start(4), m.end(4), clauses(m.group(4), bump));
        }
        if (!constraints) {
            throw new Refused(bump.name() + " is not in this requirements file (it comes in through "
                    + (bump.via().size() > 2 ? bump.via().get(1) : "another requirement")
                    + "): add \"" + bump.name() + ">=" + bump.target() + "\" to a constraints file");
        }
        String nl = Text.lineEnding(text);
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : nl;
        return text + separator + bump.name() + "==" + bump.target() + nl;
    }

    /** The clauses with the pin or lower bound moved to the target; refused when another clause excludes it. */
    private static String clauses(String specifier, Bump bump) throws Refused {
        String trailing = specifier.substring(specifier.stripTrailing().length());
        String spec = specifier.strip();
        if (spec.isEmpty()) {
            return ">=" + bump.target() + (trailing.isEmpty() ? "" : trailing);
        }
        StringBuilder out = new StringBuilder();
        Matcher c = CLAUSE.matcher(spec);
        int last = 0;
        boolean moved = false;
        while (c.find()) {
            String op = c.group(1);
            String version = c.group(2);
            String replacement = c.group();
            switch (op) {
                case "==", "===", "~=", ">=", ">" -> {
                    replacement = (op.equals(">") ? ">=" : op) + bump.target();
                    moved = true;
                }
                case "<", "<=" -> {
                    if (compare(bump.target(), version) > (op.equals("<") ? -1 : 0)) {
                        throw new Refused(bump.name() + " is capped at " + op + version + ", which excludes "
                                + bump.target() + ": lift the cap by hand if the upgrade is wanted");
                    }
                }
                default -> {
                    if (compare(bump.target(), version) == 0) {
                        throw new Refused(bump.name() + " excludes " + bump.target() + " (!=" + version + ")");
                    }
                }
            }
            out.append(spec, last, c.start()).append(replacement);
            last = c.end();
        }
        out.append(spec.substring(last));
        if (!moved) {
            out.append(out.length() == 0 ? "" : ",").append(">=").append(bump.target());
        }
        return out + trailing;
    }

    private static int compare(String a, String b) throws Refused {
        try {
            return VersionSchemes.PEP440.compare(a, b);
        } catch (InvalidVersionException e) {
            throw new Refused("cannot compare " + a + " with " + b + ": " + e.getMessage());
        }
    }

    /** True when the requirement continues with {@code --hash} options. */
    private static boolean hashed(String text, int from) {
        int end = from;
        while (true) {
            int nl = text.indexOf('\n', end);
            String line = text.substring(end, nl < 0 ? text.length() : nl);
            if (line.contains("--hash")) {
                return true;
            }
            if (nl < 0 || !line.stripTrailing().endsWith("\\")) {
                return false;
            }
            end = nl + 1;
        }
    }

    /** A name right after {@code -r}, {@code -c} or {@code --hash=} is an option's value, not a requirement. */
    private static boolean isOption(String text, int nameStart) {
        int lineStart = Text.lineStart(text, nameStart);
        return text.substring(lineStart, nameStart).strip().startsWith("-");
    }

    private static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
