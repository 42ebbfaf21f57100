package io.supplygraph.ingest.recognise;

import io.supplygraph.model.DocumentFormat;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The root element of an XML head, read with StAX up to that element and no further. */
final class XmlHead {

    private static final String CYCLONEDX_NAMESPACE = "http://cyclonedx.org/schema/bom/";
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlHead() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTD, no external entities: a head is untrusted input and recognition must not fetch or expand anything
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    static Optional<DocumentFormat> recognise(byte[] head, int offset, int length) {
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(head, offset, length));
            try {
                while (reader.hasNext()) {
                    if (reader.next() == XMLStreamReader.START_ELEMENT) {
                        return isCycloneDxRoot(reader.getLocalName(), reader.getNamespaceURI())
                                ? Optional.of(DocumentFormat.CYCLONEDX_XML)
                                : Optional.empty();
                    }
                }
                return Optional.empty();
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            return Optional.empty(); // not well-formed up to the root element: not a document we know
        }
    }

    private static boolean isCycloneDxRoot(String localName, String namespace) {
        return "bom".equals(localName) && namespace != null && namespace.startsWith(CYCLONEDX_NAMESPACE);
    }
}
