package io.supplygraph.ingest.sbom;

import io.supplygraph.model.EdgeKind;

/**
 * Where an SBOM parser reports what it reads, in document order. Elements are named by their
 * document-local refs; a relationship may name a ref before (or without) its component, and the
 * receiver resolves refs only when the document ends.
 */
public interface SbomSink {

    /** Once, as early as the format allows. {@code name} may be null. */
    void document(String specVersion, String name);

    /** A package the document lists: counted as one of its components. */
    void component(SbomComponent component);

    /**
     * The document's own subject when it is not one of the listed components (CycloneDX
     * {@code metadata.component}): it is described, never counted.
     */
    void subject(SbomComponent subject);

    /** A listed component is what the document describes (SPDX documentDescribes / DESCRIBES). */
    void describes(String ref);

    /** {@code from} depends on, or contains, {@code to}, whatever direction the format wrote it in. */
    void relationship(String fromRef, String toRef, EdgeKind kind);

    /**
     * A VEX statement the document makes about one of its elements (CycloneDX {@code vulnerabilities[]}). Formats
     * without VEX never report one, which is why sinks that only count components may ignore it.
     */
    default void vex(SbomVexStatement statement) {}

    /**
     * A tool that wrote the document, as the document names it (a version after the name is dropped): which
     * producer a document comes from decides what {@code ingest --replace} supersedes. The first tool counts.
     */
    default void tool(String name) {}

    /** An organisation or person the document names as its author: the producer when it names no tool. */
    default void author(String name) {}

    /** Something was wrong with one entry and was skipped or kept as-is; the document goes on. */
    void warning(String message);
}
