package io.supplygraph.ingest.cyclonedx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.parsers.BomParserFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Says, without our parsers, what a file is and how many components it lists at any depth (not counting
 * {@code metadata.component} itself, but counting what it contains): by the official cyclonedx-core-java
 * library where it reads the file, by a Jackson tree or DOM walk where it does not.
 *
 * <p>cyclonedx-core-java 12.2.0 makes up components that the document does not list: a nameless one for
 * each 1.7 patent assertion and each nested 1.1 dependency-graph element, and named ones from extension
 * elements of foreign XML namespaces (a {@code <foo:fruit><foo:name>Banana}). A component must have a
 * name and a type, so one with neither is not counted (an invalid BOM's empty component still has its
 * type), and XML with foreign-namespace elements is counted by the DOM walk.
 */
final class ComponentCountOracle {

    /** The spec's XML namespaces are http://cyclonedx.org/schema/bom/1.0 to 1.7; later 1.x are welcome. */
    private static final Pattern BOM_NAMESPACE = Pattern.compile("http://cyclonedx\\.org/schema/bom/1\\.\\d+");

    enum Syntax { JSON, XML }

    /** What a file is, judged by its content. */
    sealed interface Sample permits CycloneDx, Unreadable, Foreign {}

    /** A readable CycloneDX document listing {@code components} components. */
    record CycloneDx(Syntax syntax, int components, String countedBy) implements Sample {}

    /** Broken syntax, or a document that claims a CycloneDX shape but is not one: must be rejected. */
    record Unreadable(Syntax syntax, String why) implements Sample {}

    /** Some other format (SPDX, protobuf text, compressed): not for the CycloneDX parsers. */
    record Foreign() implements Sample {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComponentCountOracle() {}

    static Sample examine(byte[] bytes) {
        return switch (firstSignificantByte(bytes)) {
            case '{' -> examineJson(bytes);
            case '<' -> examineXml(bytes);
            default -> new Foreign();
        };
    }

    private static Sample examineJson(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (Exception e) {
            return new Unreadable(Syntax.JSON, "malformed JSON");
        }
        if (!root.isObject() || (!root.has("bomFormat") && !root.has("specVersion"))) {
            return new Foreign();
        }
        JsonNode bomFormat = root.get("bomFormat");
        if (bomFormat != null && !"CycloneDX".equals(bomFormat.asText())) {
            return new Unreadable(Syntax.JSON, "bomFormat " + bomFormat);
        }
        if (bomFormat == null && !root.has("components")) {
            return new Unreadable(Syntax.JSON, "neither bomFormat nor components");
        }
        Integer byLibrary = libraryCount(bytes);
        return byLibrary != null
                ? new CycloneDx(Syntax.JSON, byLibrary, "cyclonedx-core-java")
                : new CycloneDx(Syntax.JSON, jsonCount(root.path("components"))
                        + jsonCount(root.path("metadata").path("component").path("components")), "Jackson tree");
    }

    private static int jsonCount(JsonNode components) {
        int count = 0;
        for (JsonNode component : components) {
            if (component.isObject()) {
                count += 1 + jsonCount(component.path("components"));
            }
        }
        return count;
    }

    private static Sample examineXml(byte[] bytes) {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // fail quietly, no "[Fatal Error]" on stderr
            root = builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (Exception e) {
            return new Unreadable(Syntax.XML, "malformed XML");
        }
        String namespace = root.getNamespaceURI();
        boolean inCycloneDx = namespace != null && BOM_NAMESPACE.matcher(namespace).matches();
        if (!root.getLocalName().equals("bom")) {
            return new Foreign();
        }
        if (!inCycloneDx) {
            return new Unreadable(Syntax.XML, "bom element in namespace " + namespace);
        }
        Integer byLibrary = hasForeignElements(root, namespace) ? null : libraryCount(bytes);
        if (byLibrary != null) {
            return new CycloneDx(Syntax.XML, byLibrary, "cyclonedx-core-java");
        }
        int count = xmlCount(root, namespace);
        for (Element metadata : children(root, namespace, "metadata")) {
            for (Element subject : children(metadata, namespace, "component")) {
                count += xmlCount(subject, namespace);
            }
        }
        return new CycloneDx(Syntax.XML, count, "DOM walk");
    }

    /** Components listed in {@code parent}'s {@code <components>}, at any depth. */
    private static int xmlCount(Element parent, String namespace) {
        int count = 0;
        for (Element components : children(parent, namespace, "components")) {
            for (Element component : children(components, namespace, "component")) {
                count += 1 + xmlCount(component, namespace);
            }
        }
        return count;
    }

    private static boolean hasForeignElements(Element element, String namespace) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e
                    && (!namespace.equals(e.getNamespaceURI()) || hasForeignElements(e, namespace))) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && namespace.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The official library's count, or null when it cannot read the file (it rejects some invalid enums). */
    private static Integer libraryCount(byte[] bytes) {
        try {
            Bom bom = BomParserFactory.createParser(bytes).parse(bytes);
            int count = libraryCount(bom.getComponents());
            if (bom.getMetadata() != null && bom.getMetadata().getComponent() != null) {
                count += libraryCount(bom.getMetadata().getComponent().getComponents());
            }
            return count;
        } catch (Exception e) {
            return null;
        }
    }

    private static int libraryCount(List<Component> components) {
        int count = 0;
        if (components != null) {
            for (Component c : components) {
                boolean madeUp = c.getName() == null && c.getType() == null;
                count += (madeUp ? 0 : 1) + libraryCount(c.getComponents());
            }
        }
        return count;
    }

    private static int firstSignificantByte(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length ? bytes[i] : -1;
    }
}
