package io.supplygraph.ingest.cyclonedx;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.ingest.sbom.SbomVexStatement;
import io.supplygraph.model.EdgeKind;

/**
 * What a CycloneDX BOM says, whatever its syntax: both parsers read their syntax and feed this one class,
 * which keeps the nesting of components, makes up refs, and reports to the sink. It lives for one parse.
 *
 * <p>Components are reported when they end, so a nested component reaches the sink before the component
 * that contains it (whose bom-ref JSON may give only after its nested components); the CONTAINS edges
 * follow their container. {@link SbomSink#document} is sent just before the first other report, with
 * what is known by then: writers put {@code specVersion} and {@code metadata} first, and XML must.
 */
final class BomFeed {

    /**
     * Components nested deeper than this are not a real inventory but an attack on the reader; real BOMs
     * nest a handful of levels (application, module, jar, shaded jar).
     */
    static final int MAX_COMPONENT_DEPTH = 64;

    private final SbomSink sink;
    private final ComponentDraft[] drafts = new ComponentDraft[MAX_COMPONENT_DEPTH];
    /** Index of the innermost component being read, -1 outside any component. */
    private int depth = -1;
    private boolean readingSubject;
    private int syntheticRefs;
    private boolean documentSent;
    private String specVersion;
    private String serialNumber;
    private String subjectName;

    BomFeed(SbomSink sink) {
        this.sink = sink;
    }

    void specVersion(String specVersion) {
        this.specVersion = specVersion;
    }

    String specVersion() {
        return specVersion;
    }

    /** A tool that wrote the BOM ({@code metadata.tools}); see {@link SbomSink#tool}. */
    void tool(String name) {
        sink.tool(name);
    }

    /** An author of the BOM ({@code metadata.authors}). */
    void author(String name) {
        sink.author(name);
    }

    void serialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    /**
     * Starts a component nested in the one being read, or a top-level one; {@code subject} marks the top-level
     * {@code metadata.component}, which is described rather than counted (its nested components are counted).
     */
    ComponentDraft open(boolean subject) throws DocumentRejectedException {
        if (depth + 1 == MAX_COMPONENT_DEPTH) {
            throw new DocumentRejectedException(
                    "components are nested more than " + MAX_COMPONENT_DEPTH + " levels deep");
        }
        depth++;
        if (depth == 0) {
            readingSubject = subject;
        }
        ComponentDraft draft = drafts[depth];
        if (draft == null) {
            draft = drafts[depth] = new ComponentDraft();
        }
        draft.reset();
        return draft;
    }

    /** Ends the innermost component: reports it, the components it contains, and its problems. */
    void close() {
        ComponentDraft draft = drafts[depth];
        String ref = draft.bomRef != null && !draft.bomRef.isBlank()
                ? draft.bomRef : "#component-" + ++syntheticRefs;
        SbomComponent component = draft.build(ref);
        boolean subject = depth == 0 && readingSubject;
        if (subject) {
            subjectName = draft.name;
        }
        ensureDocument();
        if (subject) {
            sink.subject(component);
        } else {
            sink.component(component);
        }
        for (String child : draft.childRefs) {
            sink.relationship(ref, child, EdgeKind.CONTAINS);
        }
        for (String problem : draft.problems) {
            sink.warning("component " + ref + " (" + component.name() + "): " + problem);
        }
        depth--;
        if (depth >= 0) {
            drafts[depth].childRefs.add(ref);
        }
    }

    void dependsOn(String fromRef, String toRef) {
        ensureDocument();
        sink.relationship(fromRef, toRef, EdgeKind.DEPENDS_ON);
    }

    void vex(SbomVexStatement statement) {
        ensureDocument();
        sink.vex(statement);
    }

    void warning(String message) {
        ensureDocument();
        sink.warning(message);
    }

    /** The document has been read to its end. */
    void finish() {
        ensureDocument();
    }

    private void ensureDocument() {
        if (documentSent) {
            return;
        }
        documentSent = true;
        String name = subjectName;
        if (name == null && readingSubject && depth >= 0) {
            name = drafts[0].name; // the subject's nested components come before the subject itself
        }
        sink.document(specVersion, name != null && !name.isBlank() ? name : serialNumber);
    }
}
