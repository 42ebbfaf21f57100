package io.supplygraph.ingest.sbom;

import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.Nul;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.SbomFacts.Licence;
import io.supplygraph.model.fact.SbomFacts.Occurrence;
import io.supplygraph.model.fact.SbomFacts.SourceOf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turns what a parser reports, named by document-local refs, into {@link SbomFacts} named by identity.
 * This is where every format gets the same rules: purls are normalised (an invalid one is kept as a
 * warning and the component identified by name and version; one holding NUL is kept with a warning),
 * relationships naming unknown refs are skipped with a warning, and every listed component ends up reachable
 * from a subject.
 */
public final class SbomAssembler implements SbomSink {

    /** Enough to tell a user what kind of trouble a document has without storing a million lines of it. */
    static final int MAX_WARNINGS = 200;

    private final String fallbackName;
    private final List<PackageIdentity> packages = new ArrayList<>();
    private final Map<String, Integer> positionByPurl = new HashMap<>();
    private final Map<String, Integer> positionByRef = new HashMap<>();
    private final IntStream.Builder listedOrder = IntStream.builder();
    private final Set<Integer> subjectPositions = new LinkedHashSet<>();
    private final List<String> describedRefs = new ArrayList<>();
    private final Relationships relationships = new Relationships();
    private final Set<Occurrence> occurrences = new LinkedHashSet<>();
    private final Map<Integer, Licence> licences = new HashMap<>();
    private final List<SbomVexStatement> vex = new ArrayList<>();
    private final Set<SourceOf> sources = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private int invalidPurls;
    private final QualityTally quality = new QualityTally();
    private int componentCount;
    private String specVersion;
    private String name;
    private String tool;
    private String author;

    /** @param fallbackName names the subject of a document that says neither what it describes nor its own name */
    public SbomAssembler(String fallbackName) {
        this.fallbackName = fallbackName;
    }

    @Override
    public void document(String specVersion, String name) {
        this.specVersion = specVersion;
        this.name = name;
    }

    @Override
    public void component(SbomComponent component) {
        componentCount++;
        int invalidBefore = invalidPurls;
        listedOrder.add(add(component));
        quality.component(component, invalidPurls == invalidBefore);
    }

    @Override
    public void timestamp(String written) {
        quality.timestamp(written);
    }

    @Override
    public void subject(SbomComponent subject) {
        subjectPositions.add(add(subject));
    }

    @Override
    public void describes(String ref) {
        describedRefs.add(ref);
    }

    @Override
    public void relationship(String fromRef, String toRef, EdgeKind kind) {
        relationships.add(fromRef, toRef, kind, positionByRef);
    }

    @Override
    public void vex(SbomVexStatement statement) {
        vex.add(statement);
    }

    @Override
    public void tool(String name) {
        if (tool == null) {
            tool = Producers.toolName(name);
        }
        quality.tool(name);
    }

    @Override
    public void author(String name) {
        if (author == null && name != null && !name.isBlank()) {
            author = name.strip();
        }
        quality.author(name);
    }

    @Override
    public void warning(String message) {
        warningCount++;
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(message);
        }
    }

    private int add(SbomComponent c) {
        PackageIdentity identity = identify(c);
        Integer position = positionByPurl.get(identity.purl());
        if (position == null) {
            position = packages.size();
            packages.add(identity);
            positionByPurl.put(identity.purl(), position);
        }
        if (positionByRef.putIfAbsent(c.ref(), position) != null) {
            warning("ref '" + c.ref() + "' is defined twice; the first definition is kept");
        }
        for (Digest d : c.digests()) {
            occurrences.add(new Occurrence(position, d));
        }
        Optional<SourceRepository> repository = SourceRepository.parse(c.vcsUrl());
        if (repository.isPresent()) {
            sources.add(new SourceOf(position, repository.get()));
        }
        if (c.declaredLicence() != null || c.concludedLicence() != null) {
            licences.putIfAbsent(position, new Licence(position, c.declaredLicence(), c.concludedLicence()));
        }
        return position;
    }

    private PackageIdentity identify(SbomComponent c) {
        PackageIdentity identity = identity(c);
        // A canonical purl spells a NUL %00 and nothing else so: "%" itself is %25.
        if (identity.purl().contains("%00")) {
            warning("component '" + identity.name() + "' (" + c.ref() + "): NUL characters (U+0000) in its identity"
                    + " are kept as %00 in its purl and stored as " + Nul.SYMBOL + " (U+2400) in its name and version");
        }
        return identity;
    }

    private PackageIdentity identity(SbomComponent c) {
        if (c.purl() != null && !c.purl().isBlank()) {
            try {
                return PackageIdentity.fromPurl(c.purl());
            } catch (InvalidPurlException e) {
                invalidPurls++;
                warning("component '" + c.name() + "' (" + c.ref() + "): " + e.getMessage()
                        + "; identified by name and version instead");
            }
        }
        return PackageIdentity.synthetic(c.name(), c.version());
    }

    /** Resolves refs and completes the graph; call once, after the parser returned. */
    public SbomFacts finish() {
        for (String ref : describedRefs) {
            Integer p = positionByRef.get(ref);
            if (p == null) {
                warning("the document describes '" + ref + "', which it does not define");
            } else {
                subjectPositions.add(p);
            }
        }
        if (subjectPositions.isEmpty()) {
            subjectPositions.add(add(new SbomComponent("#document-subject",
                    name != null && !name.isBlank() ? name : fallbackName,
                    null, null, null, null, null, null, null, null, null)));
        }
        DependencyGraph graph = relationships.resolve(packages.size(), positionByRef, unknownRef -> {
            quality.danglingRef();
            warning(unknownRef);
        });
        int[] subjects = subjectPositions.stream().mapToInt(Integer::intValue).toArray();
        ShortestPathTree tree = new ShortestPathTree(graph, subjects);
        int[] listed = tree.attachUnreached(listedOrder.build().toArray(), subjects[0]);
        List<VexFacts.Statement> statements = new VexTargets(packages, positionByRef, subjects, this::warning)
                .resolve(vex);
        if (warningCount > warnings.size()) {
            warnings.add("... and " + (warningCount - warnings.size()) + " more warnings");
        }
        return new SbomFacts(specVersion, name, componentCount, List.copyOf(packages), subjects,
                graph.edges(subjects[0], listed), tree.parent(), tree.depth(), List.copyOf(occurrences),
                List.copyOf(licences.values()), statements, List.copyOf(sources), List.copyOf(warnings),
                tool != null ? tool : author, quality.measures(listed.length));
    }
}
