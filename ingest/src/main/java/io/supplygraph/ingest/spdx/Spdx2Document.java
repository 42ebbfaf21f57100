package io.supplygraph.ingest.spdx;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.Producers;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an SPDX 2 document says, whichever syntax it is written in, reported to the sink.
 *
 * <p>Packages go to the sink as they are read. Only two things are held back, both small:
 * packages read before {@code spdxVersion} (some generators write {@code packages} first, and nothing
 * is reported before the document is known to be SPDX 2), and the relationships, until the end, because
 * whether an end is a file, a snippet or the document itself is only known once every element is read.
 * Relationships touching files, snippets or the document are not dependency facts and are dropped without
 * a warning; those naming an element of another document ({@code DocumentRef-x:SPDXRef-y}) are dropped
 * with one; those naming an SPDXID the document never defines are reported, for the receiver to judge.
 */
final class Spdx2Document {

    private static final String DEFAULT_DOCUMENT_ID = "SPDXRef-DOCUMENT";

    private record Stated(String from, Spdx2Relationship meaning, String to) {}

    private final SbomSink sink;
    private String specVersion;
    private String name;
    private String documentId;
    private boolean open;
    private int packageCount;
    private final List<SbomComponent> heldBack = new ArrayList<>();
    private final Set<String> nonPackages = new HashSet<>();
    private final List<String> describedRefs = new ArrayList<>();
    private final List<Stated> relationships = new ArrayList<>();

    Spdx2Document(SbomSink sink) {
        this.sink = sink;
    }

    /** {@code SPDX-2.3} and the like; any other version means this is not a document these parsers read. */
    void version(String spdxVersion) throws DocumentRejectedException {
        String v = spdxVersion == null ? "" : spdxVersion.strip();
        if (!v.startsWith("SPDX-2.") || v.length() == "SPDX-2.".length()) {
            throw new DocumentRejectedException("not an SPDX 2 document: spdxVersion is \"" + v
                    + "\", expected SPDX-2.x" + (v.startsWith("SPDX-3") ? " (SPDX 3 is read as JSON-LD)" : ""));
        }
        specVersion = v.substring("SPDX-".length());
        if (name != null) {
            openDocument();
        }
    }

    void name(String documentName) {
        if (name == null) {
            name = documentName;
        }
        if (specVersion != null && !open) {
            openDocument();
        }
    }

    /** One of creationInfo's creators: {@code Tool: syft-0.85.0}, {@code Organization: ...}. */
    void creator(String creator) {
        Producers.spdxCreator(creator, sink);
    }

    void documentId(String id) {
        documentId = id;
    }

    /** A file or snippet: not a component, and relationships to it are not reported. */
    void nonPackage(String spdxId) {
        if (spdxId != null) {
            nonPackages.add(spdxId.strip());
        }
    }

    /** An element named in {@code documentDescribes}. */
    void describes(String ref) {
        if (ref != null) {
            describedRefs.add(ref.strip());
        }
    }

    void relationship(String from, String type, String to) {
        if (from == null || type == null || to == null) {
            sink.warning("incomplete relationship skipped: " + from + " " + type + " " + to);
            return;
        }
        Spdx2Relationship meaning = Spdx2Relationship.of(type);
        if (meaning == null) {
            sink.warning("unknown relationship type " + type + " in " + from + " " + type + " " + to + " (skipped)");
        } else if (!(meaning instanceof Spdx2Relationship.Ignored)) {
            relationships.add(new Stated(from.strip(), meaning, to.strip()));
        }
    }

    void pkg(Spdx2Package p) {
        packageCount++;
        String syntheticRef = "SPDXRef-supplygraph-package-" + packageCount;
        SbomComponent component = p.toComponent(syntheticRef);
        if (!p.hasId()) {
            sink.warning("package #" + packageCount + " \"" + component.name() + "\" has no SPDXID; referred to as "
                    + syntheticRef);
        }
        for (String problem : p.problems()) {
            sink.warning("package " + component.ref() + ": " + problem);
        }
        if (!open && specVersion != null) {
            openDocument();
        }
        if (open) {
            sink.component(component);
        } else {
            heldBack.add(component);
        }
    }

    /** Reports what only the whole document could tell, or rejects a document that never said it was SPDX 2. */
    void finish() throws DocumentRejectedException {
        if (specVersion == null) {
            throw new DocumentRejectedException("not an SPDX 2 document: no spdxVersion");
        }
        if (!open) {
            openDocument();
        }
        if (documentId == null || documentId.isBlank()) {
            sink.warning("the document has no SPDXID; " + DEFAULT_DOCUMENT_ID + " is taken to name it");
            documentId = DEFAULT_DOCUMENT_ID;
        }
        Set<String> described = new LinkedHashSet<>();
        for (String ref : describedRefs) {
            addDescribed(ref, described);
        }
        for (Stated r : relationships) {
            if (SpdxValues.asserted(r.from) == null || SpdxValues.asserted(r.to) == null) {
                continue;
            }
            if (r.meaning instanceof Spdx2Relationship.Describes d) {
                String subject = d.reversed() ? r.from : r.to;
                String describer = d.reversed() ? r.to : r.from;
                if (describer.equals(documentId)) {
                    addDescribed(subject, described);
                }
            } else if (r.meaning instanceof Spdx2Relationship.Edge e) {
                edge(r, e);
            }
        }
        described.forEach(sink::describes);
    }

    private void edge(Stated r, Spdx2Relationship.Edge e) {
        if (isExternal(r.from) || isExternal(r.to)) {
            sink.warning("relationship " + r.from + " -> " + r.to
                    + " names an element of another document (skipped)");
            return;
        }
        if (isNonPackage(r.from) || isNonPackage(r.to)) {
            return;
        }
        sink.relationship(e.reversed() ? r.to : r.from, e.reversed() ? r.from : r.to, e.kind());
    }

    private void addDescribed(String ref, Set<String> described) {
        if (SpdxValues.asserted(ref) == null || isNonPackage(ref)) {
            return;
        }
        if (isExternal(ref)) {
            sink.warning("the document describes " + ref + ", an element of another document (skipped)");
            return;
        }
        described.add(ref);
    }

    private boolean isNonPackage(String ref) {
        return ref.equals(documentId) || nonPackages.contains(ref);
    }

    private static boolean isExternal(String ref) {
        return ref.startsWith("DocumentRef-") && ref.indexOf(':') > 0;
    }

    private void openDocument() {
        sink.document(specVersion, name);
        open = true;
        heldBack.forEach(sink::component);
        heldBack.clear();
    }
}
