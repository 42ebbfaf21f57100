package io.supplygraph.ingest.cyclonedx;

import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.model.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps everything a parser reports, for assertions. */
final class RecordingSink implements SbomSink {

    record Edge(String from, String to, EdgeKind kind) {}

    final List<String> documents = new ArrayList<>();
    final List<SbomComponent> components = new ArrayList<>();
    final List<SbomComponent> subjects = new ArrayList<>();
    final List<String> described = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();
    /** Whether anything was reported before {@link #document}, which the sink contract forbids. */
    boolean reportedBeforeDocument;

    @Override
    public void document(String specVersion, String name) {
        documents.add(specVersion + " " + name);
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
        noteOrder();
        warnings.add(message);
    }

    private void noteOrder() {
        reportedBeforeDocument |= documents.isEmpty();
    }

    SbomComponent component(String name) {
        Optional<SbomComponent> found = components.stream().filter(c -> c.name().equals(name)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no component named " + name + " in " + components));
    }

    Set<String> refs() {
        return components.stream().map(SbomComponent::ref).collect(Collectors.toSet());
    }
}
