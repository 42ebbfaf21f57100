package io.supplygraph.ingest.sbom;

import io.supplygraph.model.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps everything a parser reports, in order, for tests of every SBOM format to look at. */
public final class RecordingSink implements SbomSink {

    public record Edge(String from, String to, EdgeKind kind) {}

    /** One entry per {@link #document} call: {@code "SPEC NAME"}. */
    public final List<String> documents = new ArrayList<>();
    public String specVersion;
    public String documentName;
    public final List<SbomComponent> components = new ArrayList<>();
    public final List<SbomComponent> subjects = new ArrayList<>();
    public final List<String> described = new ArrayList<>();
    public final List<Edge> edges = new ArrayList<>();
    public final List<String> warnings = new ArrayList<>();
    /** Reports other than warnings made before {@link #document}, which the sink contract forbids. */
    public int callsBeforeDocument;
    /** Warnings made before {@link #document}; some formats may only know they are what they claim later. */
    public int warningsBeforeDocument;

    @Override
    public void document(String specVersion, String name) {
        documents.add(specVersion + " " + name);
        this.specVersion = specVersion;
        this.documentName = name;
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
        if (documents.isEmpty()) {
            warningsBeforeDocument++;
        }
        warnings.add(message);
    }

    private void noteOrder() {
        if (documents.isEmpty()) {
            callsBeforeDocument++;
        }
    }

    /** True when anything at all, warnings included, came before {@link #document}. */
    public boolean reportedBeforeDocument() {
        return callsBeforeDocument > 0 || warningsBeforeDocument > 0;
    }

    public SbomComponent withRef(String ref) {
        return components.stream().filter(c -> c.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no component " + ref + " in " + components));
    }

    public SbomComponent named(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component named " + name + " in " + components));
    }

    public Set<String> refs() {
        return components.stream().map(SbomComponent::ref).collect(Collectors.toSet());
    }
}
