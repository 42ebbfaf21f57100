package io.supplygraph.model.fact;

import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything one SBOM asserts, by identity. Package versions are
 * listed once each; the other facts point into that list by position, which keeps a 100,000-component
 * document a few arrays of ints instead of a graph of objects.
 *
 * @param specVersion    the format's version as the document states it, or null
 * @param name           the document's name, or null
 * @param componentCount how many package entries the document lists (its subject excluded unless it is one)
 * @param packages       distinct package versions, subjects included
 * @param subjects       positions in {@code packages} of what the document describes; never empty
 * @param edges          dependency and containment edges between positions, without duplicates or self-loops
 * @param parent         per package, its parent on a shortest path from a subject (-1 for subjects)
 * @param depth          per package, the length of that path (0 for subjects)
 * @param occurrences    package versions and the digests of their artifacts
 * @param licences       declared and concluded licence expressions per package version
 * @param vex            CycloneDX VEX: the BOM's {@code vulnerabilities[].analysis}, resolved to package versions
 * @param sources        source repositories of package versions, from the document's VCS references
 * @param warnings       what was wrong with single entries, which were skipped or kept as they were
 * @param producer       the tool that wrote the document (its name without version), else its author; or null
 */
public record SbomFacts(
        String specVersion,
        String name,
        int componentCount,
        List<PackageIdentity> packages,
        int[] subjects,
        List<Edge> edges,
        int[] parent,
        int[] depth,
        List<Occurrence> occurrences,
        List<Licence> licences,
        List<VexFacts.Statement> vex,
        List<SourceOf> sources,
        List<String> warnings,
        String producer) implements Facts {

    public record Edge(int from, int to, EdgeKind kind) {}

    public record Occurrence(int pkg, Digest digest) {}

    public record Licence(int pkg, String declared, String concluded) {}

    public record SourceOf(int pkg, SourceRepository repository) {}

    public PackageIdentity subject() {
        return packages.get(subjects[0]);
    }

    /**
     * The same SBOM, its subjects also being the artifacts with these digests: an SBOM carried as the predicate
     * of an attestation describes the attestation's subjects, which is how it joins their other documents.
     */
    public SbomFacts describingArtifacts(List<Digest> digests) {
        List<Occurrence> all = new ArrayList<>(occurrences);
        for (int s : subjects) {
            for (Digest d : digests) {
                Occurrence o = new Occurrence(s, d);
                if (!all.contains(o)) {
                    all.add(o);
                }
            }
        }
        return new SbomFacts(specVersion, name, componentCount, packages, subjects, edges, parent, depth,
                List.copyOf(all), licences, vex, sources, warnings, producer);
    }
}
