package io.supplygraph.ingest.spdx;

import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.model.EdgeKind;
import java.util.ArrayList;
import java.util.List;

/** Keeps everything a parser reports, in order, for tests to look at. */
public final class RecordingSink implements SbomSink {

    public record Edge(String from, String to, EdgeKind kind) {}

    public String specVersion;
    public String documentName;
    public int documentCalls;
    public final List<SbomComponent> components = new ArrayList<>();
    public final List<SbomComponent> subjects = new ArrayList<>();
    public final List<String> described = new ArrayList<>();
    public final List<Edge> edges = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    /** Calls made before {@link #document}, which should be none. */
    public int callsBeforeDocument;

    @Override
    public void document(String specVersion, String name) {
        this.specVersion = specVersion;
        this.documentName = name;
        documentCalls++;
    }

    @Override
    public void component(SbomComponent component) {
        noteOrder();
        components.add(component);
    }

    @Override
    public void subject(SbomComponent subject) {
        noteOrder();
        subjects.add(subject);
    }

    @Override
    public void describes(String ref) {
        noteOrder();
        described.add(ref);
    }

    @Override
    public void relationship(String fromRef, String toRef, EdgeKind kind) {
        noteOrder();
        edges.add(new Edge(fromRef, toRef, kind));
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    public SbomComponent component(String ref) {
        return components.stream().filter(c -> c.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + ref + " in " + components));
    }

    private void noteOrder() {
        if (documentCalls == 0) {
            callsBeforeDocument++;
        }
    }
}
