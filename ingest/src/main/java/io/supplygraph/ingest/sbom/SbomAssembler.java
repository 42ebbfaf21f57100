package io.supplygraph.ingest.sbom;

import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.Nul;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.fact.SbomFacts.Edge;
import io.supplygraph.model.fact.SbomFacts.Licence;
import io.supplygraph.model.fact.SbomFacts.Occurrence;
import io.supplygraph.model.fact.SbomFacts.SourceOf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final List<Integer> listedOrder = new ArrayList<>();
    private final Set<Integer> subjectPositions = new LinkedHashSet<>();
    private final List<String> describedRefs = new ArrayList<>();
    private final List<String[]> relationshipRefs = new ArrayList<>();
    private final List<EdgeKind> relationshipKinds = new ArrayList<>();
    private final Set<Occurrence> occurrences = new LinkedHashSet<>();
    private final Map<Integer, Licence> licences = new HashMap<>();
    private final List<SbomVexStatement> vex = new ArrayList<>();
    private final Set<SourceOf> sources = new LinkedHashSet<>();
    private final List<String> warnings = new ArrayList<>();
    private int warningCount;
    private int componentCount;
    private String specVersion;
    private String name;

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
        listedOrder.add(add(component));
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
        relationshipRefs.add(new String[] {fromRef, toRef});
        relationshipKinds.add(kind);
    }

    @Override
    public void vex(SbomVexStatement statement) {
        vex.add(statement);
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
        List<Edge> edges = resolveEdges();
        int[] subjects = subjectPositions.stream().mapToInt(Integer::intValue).toArray();
        ShortestPathTree tree = new ShortestPathTree(packages.size(), edges, subjects);
        tree.attachUnreached(listedOrder, subjects[0], edges);
        List<VexFacts.Statement> statements = new VexTargets(packages, positionByRef, subjects, this::warning)
                .resolve(vex);
        if (warningCount > warnings.size()) {
            warnings.add("... and " + (warningCount - warnings.size()) + " more warnings");
        }
        return new SbomFacts(specVersion, name, componentCount, List.copyOf(packages), subjects,
                List.copyOf(edges), tree.parent, tree.depth, List.copyOf(occurrences),
                List.copyOf(licences.values()), statements, List.copyOf(sources), List.copyOf(warnings));
    }

    private List<Edge> resolveEdges() {
        Set<Edge> edges = new LinkedHashSet<>();
        for (int i = 0; i < relationshipRefs.size(); i++) {
            String[] refs = relationshipRefs.get(i);
            Integer from = positionByRef.get(refs[0]);
            Integer to = positionByRef.get(refs[1]);
            if (from == null || to == null) {
                warning("relationship " + refs[0] + " -> " + refs[1] + " names '"
                        + (from == null ? refs[0] : refs[1]) + "', which the document does not define; skipped");
            } else if (!from.equals(to)) {
                edges.add(new Edge(from, to, relationshipKinds.get(i)));
            }
        }
        return new ArrayList<>(edges);
    }

    /**
     * Shortest paths from the subjects, so that "how does this application contain X" is a walk up parent
     * pointers instead of a graph search at query time. Components no stated edge reaches from a subject
     * get a {@link EdgeKind#LISTED} edge from the first subject: roots of what is unreached first (so a
     * chain A -> B hangs off the subject at A, not at both), then whatever remains (members of cycles).
     */
    private static final class ShortestPathTree {
        final int[] parent;
        final int[] depth;
        private final List<List<Integer>> children;

        ShortestPathTree(int size, List<Edge> edges, int[] subjects) {
            parent = new int[size];
            depth = new int[size];
            Arrays.fill(depth, -1);
            Arrays.fill(parent, -1);
            children = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                children.add(new ArrayList<>(2));
            }
            for (Edge e : edges) {
                children.get(e.from()).add(e.to());
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            for (int s : subjects) {
                depth[s] = 0;
                queue.add(s);
            }
            spread(queue);
        }

        private void spread(ArrayDeque<Integer> queue) {
            while (!queue.isEmpty()) {
                int n = queue.poll();
                for (int child : children.get(n)) {
                    if (depth[child] < 0) {
                        depth[child] = depth[n] + 1;
                        parent[child] = n;
                        queue.add(child);
                    }
                }
            }
        }

        void attachUnreached(List<Integer> listed, int subject, List<Edge> edges) {
            Set<Integer> hasUnreachedParent = new HashSet<>();
            for (Edge e : edges) {
                if (depth[e.from()] < 0) {
                    hasUnreachedParent.add(e.to());
                }
            }
            for (boolean rootsOnly : new boolean[] {true, false}) {
                for (int p : listed) {
                    if (depth[p] < 0 && (!rootsOnly || !hasUnreachedParent.contains(p))) {
                        edges.add(new Edge(subject, p, EdgeKind.LISTED));
                        children.get(subject).add(p);
                        depth[p] = depth[subject] + 1;
                        parent[p] = subject;
                        spread(new ArrayDeque<>(List.of(p)));
                    }
                }
            }
        }
    }
}
