package io.supplygraph.ingest.cyclonedx;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.ReadLimits;
import io.supplygraph.ingest.sbom.SbomParser;
import io.supplygraph.ingest.sbom.SbomSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * CycloneDX XML, spec 1.0 to 1.7 (namespace {@code http://cyclonedx.org/schema/bom/1.x}, the spec version
 * taken from it), read with the JDK's StAX reader. A document carrying a DOCTYPE is rejected outright: a
 * BOM has no use for one, and it is how entity expansion (billion laughs) and external entities (XXE) get
 * in. Elements nested deeper than {@link ReadLimits#MAX_NESTING} are rejected (unknown elements are skipped
 * without recursion), and so is a text or attribute longer than the string limit. Stateless: one instance
 * serves any number of threads.
 */
public final class CycloneDxXmlParser implements SbomParser {

    /** Any 1.x, so that a later minor version is read as far as this parser understands it. */
    private static final Pattern BOM_NAMESPACE = Pattern.compile("http://cyclonedx\\.org/schema/bom/(1\\.\\d+)");
    /** CycloneDX 1.1 wrote its dependency graph in this extension namespace before 1.2 made it core. */
    private static final String DEPENDENCY_GRAPH_NAMESPACE = "http://cyclonedx.org/schema/ext/dependency-graph/1.0";

    public CycloneDxXmlParser() {}

    @Override
    public void parse(InputStream in, SbomSink sink) throws IOException, DocumentRejectedException {
        XMLStreamReader xml = null;
        try {
            xml = safeFactory().createXMLStreamReader(in);
            new Reading(xml, new BomFeed(sink)).bom();
        } catch (XMLStreamException e) {
            throw new DocumentRejectedException("malformed XML" + where(e.getLocation()) + ": " + reason(e), e);
        } finally {
            if (xml != null) {
                try {
                    xml.close(); // does not close the caller's stream
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    /**
     * A factory per document: the JDK's own (not whatever StAX provider the classpath brings), built
     * without service lookup, so sharing one across threads never has to be reasoned about.
     */
    private static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // Text arrives in pieces of at most 16 KB, so a huge text, even one that is skipped, is never held whole.
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static String where(Location at) {
        return at == null || at.getLineNumber() < 0
                ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    }

    /** The JDK puts "ParseError at [row,col]:[3,5]\nMessage: " in front of the reason; the location is given apart. */
    private static String reason(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + "Message: ".length()) : message;
    }

    /** One pass over one document. */
    private static final class Reading {

        private final XMLStreamReader xml;
        private final BomFeed feed;
        private final StringBuilder text = new StringBuilder();
        private String bomNamespace;
        /** Depth of the current element; the root element is at 1. */
        private int depth;

        Reading(XMLStreamReader xml, BomFeed feed) {
            this.xml = xml;
            this.feed = feed;
        }

        void bom() throws XMLStreamException, DocumentRejectedException {
            int event;
            do {
                event = next();
            } while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_DOCUMENT);
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new DocumentRejectedException("empty document: expected a CycloneDX XML bom element");
            }
            String namespace = xml.getNamespaceURI();
            Matcher version = BOM_NAMESPACE.matcher(namespace == null ? "" : namespace);
            if (!"bom".equals(xml.getLocalName()) || !version.matches()) {
                throw new DocumentRejectedException("not CycloneDX XML: the root element is " + xml.getName()
                        + ", expected bom in namespace http://cyclonedx.org/schema/bom/1.x");
            }
            bomNamespace = namespace;
            feed.specVersion(version.group(1));
            feed.serialNumber(attribute("serialNumber"));
            int bom = depth;
            while (nextChild(bom)) {
                String local = xml.getLocalName();
                if (inBom() && local.equals("metadata")) {
                    metadata();
                } else if (inBom() && local.equals("components")) {
                    componentsIn();
                } else if (local.equals("dependencies") && inDependencyGraph()) {
                    dependencies(null);
                } else {
                    // "vulnerabilities" (CycloneDX VEX) is skipped here until the VEX reader takes it over.
                    skip();
                }
            }
            feed.finish();
        }

        /** The subject, and who wrote the BOM: tools as 1.4 lists them ({@code <tool>}) or 1.5 does, and authors. */
        private void metadata() throws XMLStreamException, DocumentRejectedException {
            int metadata = depth;
            while (nextChild(metadata)) {
                String local = inBom() ? xml.getLocalName() : "";
                switch (local) {
                    case "component" -> component(true);
                    case "tools" -> namesIn(feed::tool, "tool", "component", "service");
                    case "authors" -> namesIn(feed::author, "author");
                    default -> skip();
                }
            }
        }

        /** The {@code <name>} of each child element of the current one (or of its lists) called one of {@code kinds}. */
        private void namesIn(Consumer<String> names, String... kinds)
                throws XMLStreamException, DocumentRejectedException {
            int list = depth;
            while (nextChild(list)) {
                String local = inBom() ? xml.getLocalName() : "";
                if (local.equals("components") || local.equals("services")) {
                    namesIn(names, kinds);
                } else if (List.of(kinds).contains(local)) {
                    int entry = depth;
                    while (nextChild(entry)) {
                        if (inBom() && xml.getLocalName().equals("name")) {
                            names.accept(text());
                        } else {
                            skip();
                        }
                    }
                } else {
                    skip();
                }
            }
        }

        /** Reads the {@code <component>} children of the current element. */
        private void componentsIn() throws XMLStreamException, DocumentRejectedException {
            int parent = depth;
            while (nextChild(parent)) {
                if (inBom() && xml.getLocalName().equals("component")) {
                    component(false);
                } else {
                    skip();
                }
            }
        }

        private void component(boolean subject) throws XMLStreamException, DocumentRejectedException {
            ComponentDraft draft = feed.open(subject);
            draft.type = attribute("type");
            draft.bomRef = attribute("bom-ref");
            int component = depth;
            while (nextChild(component)) {
                if (!inBom()) {
                    skip();
                    continue;
                }
                switch (xml.getLocalName()) {
                    case "group" -> draft.group = text();
                    case "name" -> draft.name = text();
                    case "version" -> draft.version = text();
                    case "purl" -> draft.purl = text();
                    case "cpe" -> draft.cpe = text();
                    case "publisher" -> draft.publisher = text();
                    case "supplier" -> draft.supplier = organisationName();
                    case "hashes" -> hashes(draft);
                    case "licenses" -> licences(draft);
                    case "externalReferences" -> externalReferences(draft);
                    case "components" -> componentsIn();
                    default -> skip();
                }
            }
            feed.close();
        }

        private String organisationName() throws XMLStreamException, DocumentRejectedException {
            String name = null;
            int organisation = depth;
            while (nextChild(organisation)) {
                if (inBom() && xml.getLocalName().equals("name")) {
                    name = text();
                } else {
                    skip();
                }
            }
            return name;
        }

        private void hashes(ComponentDraft draft) throws XMLStreamException, DocumentRejectedException {
            int hashes = depth;
            while (nextChild(hashes)) {
                if (inBom() && xml.getLocalName().equals("hash")) {
                    String alg = attribute("alg");
                    draft.addHash(alg, text());
                } else {
                    skip();
                }
            }
        }

        /** Children are {@code <license acknowledgement?><id>|<name>} or {@code <expression acknowledgement?>}. */
        private void licences(ComponentDraft draft) throws XMLStreamException, DocumentRejectedException {
            int licences = depth;
            while (nextChild(licences)) {
                String local = xml.getLocalName();
                if (!inBom() || !(local.equals("license") || local.equals("expression"))) {
                    skip();
                    continue;
                }
                boolean concluded = "concluded".equals(attribute("acknowledgement"));
                String choice = local.equals("expression") ? text() : licenceIdOrName();
                if (choice == null) {
                    draft.problems.add("skipped a licence with neither id, name nor expression");
                }
                draft.addLicence(choice, concluded);
            }
        }

        private String licenceIdOrName() throws XMLStreamException, DocumentRejectedException {
            String id = null;
            String name = null;
            int licence = depth;
            while (nextChild(licence)) {
                String local = xml.getLocalName();
                if (inBom() && local.equals("id")) {
                    id = text();
                } else if (inBom() && local.equals("name")) {
                    name = text();
                } else {
                    skip();
                }
            }
            return id != null ? id : name;
        }

        private void externalReferences(ComponentDraft draft) throws XMLStreamException, DocumentRejectedException {
            int references = depth;
            while (nextChild(references)) {
                if (!inBom() || !xml.getLocalName().equals("reference")) {
                    skip();
                    continue;
                }
                boolean vcs = "vcs".equals(attribute("type"));
                int reference = depth;
                while (nextChild(reference)) {
                    if (vcs && draft.vcsUrl == null && inBom() && xml.getLocalName().equals("url")) {
                        draft.vcsUrl = text();
                    } else {
                        skip();
                    }
                }
            }
        }

        /**
         * {@code <dependency ref="a"><dependency ref="b"/></dependency>}: a depends on b. The 1.1 extension
         * nests further (b's own dependencies inside b), so this recurses; MAX_ELEMENT_DEPTH bounds it.
         * 1.6 {@code <provides>} names implementations, not dependencies, and is skipped.
         */
        private void dependencies(String dependent) throws XMLStreamException, DocumentRejectedException {
            int parent = depth;
            while (nextChild(parent)) {
                if (!xml.getLocalName().equals("dependency") || !inDependencyGraph()) {
                    skip();
                    continue;
                }
                String ref = attribute("ref");
                if (ref == null || ref.isBlank()) {
                    feed.warning("skipped a dependency without ref at line " + xml.getLocation().getLineNumber());
                    skip();
                    continue;
                }
                if (dependent != null) {
                    feed.dependsOn(dependent, ref);
                }
                dependencies(ref);
            }
        }

        private boolean inBom() {
            return bomNamespace.equals(xml.getNamespaceURI());
        }

        private boolean inDependencyGraph() {
            return inBom() || DEPENDENCY_GRAPH_NAMESPACE.equals(xml.getNamespaceURI());
        }

        /**
         * Moves to the next child element of the element at {@code parentDepth}: true on its start tag, false
         * once the parent's end tag is reached. A caller reads or skips each child it is given.
         */
        private boolean nextChild(int parentDepth) throws XMLStreamException, DocumentRejectedException {
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.END_ELEMENT && depth < parentDepth) {
                    return false;
                }
                if (event == XMLStreamConstants.END_DOCUMENT) {
                    throw new DocumentRejectedException("truncated XML: the document ends inside an element");
                }
            }
        }

        /** The text of the current element, its child elements skipped; null when blank. */
        private String text() throws XMLStreamException, DocumentRejectedException {
            int element = depth;
            String name = xml.getLocalName();
            text.setLength(0);
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.END_ELEMENT && depth < element) {
                    break;
                }
                if (depth == element && (event == XMLStreamConstants.CHARACTERS
                        || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE)) {
                    if (text.length() + xml.getTextLength() > ReadLimits.MAX_STRING_LENGTH) {
                        throw new DocumentRejectedException("the text of <" + name + ">"
                                + where(xml.getLocation()) + ": " + ReadLimits.stringTooLong());
                    }
                    text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            }
            String value = text.toString().strip();
            return value.isEmpty() ? null : value;
        }

        /** An attribute of the current element, or null; one longer than the string limit rejects the document. */
        private String attribute(String name) throws DocumentRejectedException {
            String value = xml.getAttributeValue(null, name);
            if (value != null && value.length() > ReadLimits.MAX_STRING_LENGTH) {
                throw new DocumentRejectedException("the " + name + " attribute of <" + xml.getLocalName() + ">"
                        + where(xml.getLocation()) + ": " + ReadLimits.stringTooLong());
            }
            return value;
        }

        private void skip() throws XMLStreamException, DocumentRejectedException {
            int element = depth;
            while (next() != XMLStreamConstants.END_ELEMENT || depth >= element) {
                // only the depth counting in next() matters here
            }
        }

        private int next() throws XMLStreamException, DocumentRejectedException {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > ReadLimits.MAX_NESTING) {
                        throw new DocumentRejectedException("XML elements are nested more than "
                                + ReadLimits.MAX_NESTING + " levels deep" + where(xml.getLocation()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.DTD -> throw new DocumentRejectedException(
                        "a DOCTYPE declaration is not accepted: CycloneDX"
                                + " needs none, and it is how entity-expansion and external-entity attacks get in");
                default -> { }
            }
            return event;
        }
    }
}
