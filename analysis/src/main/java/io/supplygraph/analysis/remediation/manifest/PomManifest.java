package io.supplygraph.analysis.remediation.manifest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * A Maven {@code pom.xml}: a declared dependency's {@code <version>}, or the {@code <properties>} entry it names
 * ({@code ${log4j.version}}), is set to the target; a dependency the pom does not declare (a transitive one), or
 * declares without a version, gets a {@code <dependencyManagement>} entry, which Maven's resolution applies to the
 * whole tree.
 *
 * <p>The pom is parsed first, securely (no DTD, no external entities), only to refuse one that is not well-formed:
 * the edits themselves are made on the text, since writing a DOM back out would reformat the whole file (attribute
 * order, whitespace, the XML declaration, entities) and a manifest diff must show only the lines that change.
 * Comments are blanked before elements are looked for, so that a commented-out dependency is never edited.
 */
final class PomManifest implements ManifestFormat {

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern PROPERTY_REFERENCE = Pattern.compile("^\\$\\{([^}]+)}$");

    @Override
    public String purlType() {
        return "maven";
    }

    @Override
    public String apply(String text, Bump bump) throws Refused {
        requireWellFormed(text);
        String searchable = withoutComments(text);
        List<int[]> declared = new ArrayList<>();
        Matcher d = DEPENDENCY.matcher(searchable);
        while (d.find()) {
            String body = d.group(1);
            if (bump.namespace().equals(element(body, "groupId")) && bump.name().equals(element(body, "artifactId"))) {
                declared.add(new int[] {d.start(1), d.end(1)});
            }
        }
        boolean anyVersion = false;
        String result = text;
        // from the last to the first, so that earlier offsets stay valid
        for (int i = declared.size() - 1; i >= 0; i--) {
            int[] span = declared.get(i);
            Matcher v = Pattern.compile("<version>\\s*([^<]*?)\\s*</version>").matcher(searchable)
                    .region(span[0], span[1]);
            if (!v.find()) {
                continue;
            }
            anyVersion = true;
            String version = v.group(1);
            Matcher property = PROPERTY_REFERENCE.matcher(version);
            if (property.matches()) {
                result = setProperty(result, property.group(1), bump);
            } else if (version.startsWith("[") || version.startsWith("(")) {
                throw new Refused(bump.displayName() + " is declared with the version range " + version
                        + "; widen it to admit " + bump.target() + " by hand");
            } else {
                result = Text.replace(result, v.start(1), v.end(1), bump.target());
            }
        }
        return anyVersion ? result : managed(result, bump);
    }

    /** Sets a property the version names; refused when this pom does not define it (a parent's property). */
    private static String setProperty(String text, String name, Bump bump) throws Refused {
        String searchable = withoutComments(text);
        Matcher properties = Pattern.compile("<properties>(.*?)</properties>", Pattern.DOTALL).matcher(searchable);
        if (properties.find()) {
            Matcher p = Pattern.compile("<" + Pattern.quote(name) + ">\\s*([^<]*?)\\s*</" + Pattern.quote(name) + ">")
                    .matcher(searchable).region(properties.start(1), properties.end(1));
            if (p.find()) {
                return Text.replace(text, p.start(1), p.end(1), bump.target());
            }
        }
        throw new Refused(bump.displayName() + " takes its version from ${" + name
                + "}, which this pom does not define (a parent's property?): set it to " + bump.target() + " there");
    }

    /** Adds a dependencyManagement entry: to the pom's own section when it has one, else a new section. */
    private static String managed(String text, Bump bump) throws Refused {
        String searchable = withoutComments(text);
        String nl = Text.lineEnding(text);
        String unit = Text.indentUnit(text);
        Matcher section = Pattern.compile("<dependencyManagement>\\s*<dependencies>(.*?)</dependencies>", Pattern.DOTALL)
                .matcher(searchable);
        if (section.find()) {
            int close = section.end(1);
            String indent = Text.indentAt(text, close);
            int at = Text.lineStart(text, close);
            return text.substring(0, at) + entry(bump, indent + unit, unit, nl) + text.substring(at);
        }
        int anchor = topLevel(searchable, "<dependencies>");
        if (anchor < 0) {
            anchor = searchable.lastIndexOf("</project>");
            if (anchor < 0) {
                throw new Refused("not a Maven pom: no </project>");
            }
        }
        String indent = anchor == searchable.lastIndexOf("</project>") ? unit : Text.indentAt(text, anchor);
        int at = Text.lineStart(text, anchor);
        String block = indent + "<dependencyManagement>" + nl + indent + unit + "<dependencies>" + nl
                + entry(bump, indent + unit + unit, unit, nl) + indent + unit + "</dependencies>" + nl + indent
                + "</dependencyManagement>" + nl;
        return text.substring(0, at) + block + text.substring(at);
    }

    private static String entry(Bump bump, String indent, String unit, String nl) {
        return indent + "<dependency>" + nl
                + indent + unit + "<!-- fix: " + bump.current() + " -> " + bump.target() + " (transitive"
                + (bump.via().size() > 2 ? ", via " + bump.via().get(1) : "") + ") -->" + nl
                + indent + unit + "<groupId>" + bump.namespace() + "</groupId>" + nl
                + indent + unit + "<artifactId>" + bump.name() + "</artifactId>" + nl
                + indent + unit + "<version>" + bump.target() + "</version>" + nl
                + indent + "</dependency>" + nl;
    }

    /** The project's own {@code <dependencies>}: the first one outside build plugins and profiles. */
    private static int topLevel(String searchable, String tag) {
        int depth = 0;
        Matcher m = Pattern.compile("<(/?)(build|profiles|dependencyManagement|reporting)\\b|" + Pattern.quote(tag))
                .matcher(searchable);
        while (m.find()) {
            if (m.group(2) != null) {
                depth += m.group(1).isEmpty() ? 1 : -1;
            } else if (depth == 0) {
                return m.start();
            }
        }
        return -1;
    }

    private static String element(String body, String name) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String withoutComments(String text) {
        return Text.blanked(text, COMMENT);
    }

    private static void requireWellFormed(String text) throws Refused {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            builder.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new Refused("the pom does not read as XML: " + e.getMessage());
        }
    }
}
