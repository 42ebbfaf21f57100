package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.view.Hop;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.EdgeRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A shortest path between two nodes of the graph: package versions, artifacts and documents. Dependency
 * direction is tried first, both ways (FROM down to TO, then TO down to FROM), since that is the path a user
 * means by "how does X get to Y"; only when neither exists is direction ignored, which may then pass through a
 * document that contains both. Searches go a whole frontier per statement and stop at {@link #MAX_NODES}.
 */
public final class Paths {

    static final int MAX_NODES = 500_000;

    private enum Kind { VERSION, ARTIFACT, DOCUMENT }

    private record Node(Kind kind, long id) {}

    private record Step(Node from, Node to, String edge, Long document) {}

    private enum Direction { DOWN, UP, ANY }

    private final GraphStore store;

    public Paths(GraphStore store) {
        this.store = store;
    }

    /** A shortest path, or an empty list when the two are not connected. */
    public List<Hop> between(Target from, Target to) {
        Set<Node> sources = nodes(from);
        Set<Node> targets = nodes(to);
        for (Direction direction : Direction.values()) {
            List<Step> steps = search(sources, targets, direction);
            if (steps != null) {
                return hops(steps);
            }
        }
        return List.of();
    }

    private Set<Node> nodes(Target target) {
        Set<Node> nodes = new LinkedHashSet<>();
        if (target instanceof Target.Document d) {
            nodes.add(new Node(Kind.DOCUMENT, d.document().id()));
        } else if (target instanceof Target.Artifact a) {
            nodes.add(new Node(Kind.ARTIFACT, a.id()));
        } else {
            for (VersionRow v : ((Target.Packages) target).versions()) {
                nodes.add(new Node(Kind.VERSION, v.id()));
            }
        }
        return nodes;
    }

    /** Breadth first from the sources; the steps of a shortest path in path order, or null. */
    private List<Step> search(Set<Node> sources, Set<Node> targets, Direction direction) {
        Map<Node, Step> reachedBy = new HashMap<>();
        Set<Node> visited = new HashSet<>(sources);
        Set<Node> frontier = new LinkedHashSet<>(sources);
        for (Node s : sources) {
            if (targets.contains(s)) {
                return List.of();
            }
        }
        while (!frontier.isEmpty() && visited.size() < MAX_NODES) {
            Set<Node> next = new LinkedHashSet<>();
            for (Step step : expand(frontier, direction)) {
                Node reached = frontier.contains(step.from()) && (direction != Direction.UP) ? step.to()
                        : frontier.contains(step.to()) ? step.from() : step.to();
                if (visited.add(reached)) {
                    reachedBy.put(reached, step);
                    next.add(reached);
                    if (targets.contains(reached)) {
                        return unwind(reached, reachedBy, sources);
                    }
                }
            }
            frontier = next;
        }
        return null;
    }

    private static List<Step> unwind(Node end, Map<Node, Step> reachedBy, Set<Node> sources) {
        List<Step> steps = new ArrayList<>();
        for (Node n = end; !sources.contains(n); ) {
            Step step = reachedBy.get(n);
            steps.add(0, step);
            n = step.to().equals(n) ? step.from() : step.to();
        }
        return steps;
    }

    /** The edges leaving the frontier in the given direction, each as the graph states it. */
    private List<Step> expand(Set<Node> frontier, Direction direction) {
        List<Long> versions = ids(frontier, Kind.VERSION);
        List<Long> artifacts = ids(frontier, Kind.ARTIFACT);
        List<Long> documents = ids(frontier, Kind.DOCUMENT);
        boolean down = direction != Direction.UP;
        boolean up = direction != Direction.DOWN;
        List<Step> steps = new ArrayList<>();
        if (!versions.isEmpty()) {
            if (down) {
                store.graph().edgesFrom(versions).forEach(e -> steps.add(edge(e)));
            }
            if (up) {
                store.graph().edgesTo(versions).forEach(e -> steps.add(edge(e)));
                for (ContainsRow c : store.graph().containing(versions)) {
                    if (c.depth() == 0 || direction == Direction.ANY) {
                        steps.add(contains(c));
                    }
                }
            }
            // pv -has-artifact-> a, and a -artifact-of-> pv: a nested SBOM's subject is reached through its digest.
            for (OccurrenceRow o : store.graph().occurrencesOf(versions)) {
                steps.add(new Step(new Node(Kind.VERSION, o.version()), new Node(Kind.ARTIFACT, o.artifact()),
                        "has-artifact", null));
            }
        }
        if (!artifacts.isEmpty()) {
            for (OccurrenceRow o : store.graph().occurrencesWith(artifacts)) {
                steps.add(new Step(new Node(Kind.ARTIFACT, o.artifact()), new Node(Kind.VERSION, o.version()),
                        "artifact-of", null));
            }
        }
        if (!documents.isEmpty() && down) {
            // Only undirected search walks from a document to everything it lists; the others need its subjects alone.
            List<ContainsRow> rows = direction == Direction.ANY ? store.graph().containedIn(documents)
                    : store.graph().subjectsOf(documents);
            rows.forEach(c -> steps.add(contains(c)));
        }
        return steps;
    }

    private static Step edge(EdgeRow e) {
        return new Step(new Node(Kind.VERSION, e.from()), new Node(Kind.VERSION, e.to()), e.kind(), e.document());
    }

    private static Step contains(ContainsRow c) {
        return new Step(new Node(Kind.DOCUMENT, c.document()), new Node(Kind.VERSION, c.version()),
                c.depth() == 0 ? "describes" : "contains", c.document());
    }

    private static List<Long> ids(Collection<Node> nodes, Kind kind) {
        return nodes.stream().filter(n -> n.kind() == kind).map(Node::id).toList();
    }

    private List<Hop> hops(List<Step> steps) {
        Set<Long> versionIds = new HashSet<>();
        Set<Long> documentIds = new HashSet<>();
        Set<Long> artifactIds = new HashSet<>();
        for (Step s : steps) {
            for (Node n : List.of(s.from(), s.to())) {
                (n.kind() == Kind.VERSION ? versionIds : n.kind() == Kind.DOCUMENT ? documentIds : artifactIds).add(n.id());
            }
            if (s.document() != null) {
                documentIds.add(s.document());
            }
        }
        Map<Long, VersionRow> versions = store.packages().byIds(versionIds);
        Map<Long, DocumentRow> documents = store.documents().byIds(documentIds);
        Map<Long, String> artifacts = new HashMap<>();
        if (!artifactIds.isEmpty()) {
            for (OccurrenceRow o : store.graph().occurrencesWith(artifactIds)) {
                artifacts.put(o.artifact(), o.digest());
            }
        }
        List<Hop> hops = new ArrayList<>();
        for (Step s : steps) {
            hops.add(new Hop(name(s.from(), versions, documents, artifacts), s.edge(),
                    name(s.to(), versions, documents, artifacts),
                    s.document() == null ? null : documents.get(s.document()).digest()));
        }
        return hops;
    }

    private static String name(Node n, Map<Long, VersionRow> versions, Map<Long, DocumentRow> documents,
            Map<Long, String> artifacts) {
        return switch (n.kind()) {
            case VERSION -> versions.get(n.id()).purl();
            case DOCUMENT -> "document " + documents.get(n.id()).digest();
            case ARTIFACT -> artifacts.get(n.id());
        };
    }
}
