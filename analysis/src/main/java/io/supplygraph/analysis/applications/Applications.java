package io.supplygraph.analysis.applications;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Component;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.analysis.view.NestedDocument;
import io.supplygraph.analysis.view.NestedDocument.JoinedBy;
import io.supplygraph.analysis.view.NestedDocument.Relation;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.LicenceSql.LicenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** An application (a subject of documents), the component tree of one of its documents, and their licences. */
public final class Applications {

    private static final Comparator<String> NONE_LAST = Comparator.nullsLast(Comparator.naturalOrder());

    private final GraphStore store;

    public Applications(GraphStore store) {
        this.store = store;
    }

    public ApplicationDetail of(String subjectPurl) {
        List<Long> ids = store.applications().documents(subjectPurl.strip());
        if (ids.isEmpty()) {
            throw new NotFoundException("no document has the subject " + subjectPurl);
        }
        Map<Long, DocumentRow> rows = store.documents().byIds(ids);
        List<Document> documents = ids.stream().map(rows::get).map(Documents::view).toList();
        return new ApplicationDetail(subjectPurl.strip(), documents.get(0).subject(), documents);
    }

    /**
     * The components of a document, depth first from its subject, children by purl; each once, under the parent
     * the document gives it.
     */
    public List<Component> components(String digest) {
        DocumentRow document = Documents.row(store, digest);
        List<ContainsRow> rows = store.graph().containedIn(List.of(document.id()));
        Map<Long, VersionRow> versions = store.packages().byIds(rows.stream().map(ContainsRow::version).toList());
        Map<Long, List<ContainsRow>> children = new HashMap<>();
        List<ContainsRow> roots = new ArrayList<>();
        for (ContainsRow row : rows) {
            if (row.parent() == null || row.depth() == 0) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parent(), p -> new ArrayList<>()).add(row);
            }
        }
        Comparator<ContainsRow> byPurl = Comparator.comparing(r -> versions.get(r.version()).purl());
        children.values().forEach(list -> list.sort(byPurl));
        roots.sort(Comparator.comparingInt(ContainsRow::depth).thenComparing(byPurl));
        List<Component> tree = new ArrayList<>(rows.size());
        // an explicit stack: documents nest as deep as they like, and the call stack must not follow them
        List<ContainsRow> stack = new ArrayList<>(roots);
        Collections.reverse(stack);
        while (!stack.isEmpty()) {
            ContainsRow row = stack.remove(stack.size() - 1);
            VersionRow v = versions.get(row.version());
            VersionRow parent = row.parent() == null ? null : versions.get(row.parent());
            tree.add(new Component(v.purl(), v.name(), v.version(), v.synthetic(), row.depth(),
                    parent == null ? null : parent.purl()));
            List<ContainsRow> below = children.getOrDefault(row.version(), List.of());
            for (int i = below.size() - 1; i >= 0; i--) {
                stack.add(below.get(i));
            }
        }
        return tree;
    }

    /**
     * The documents nested in this one (whose subject it lists, by purl or by an artifact's digest) and those it is
     * nested in (which list its subject), one level each way, as {@code Containment} follows them for blast radius.
     */
    public List<NestedDocument> nested(String digest) {
        DocumentRow document = Documents.row(store, digest);
        List<ContainsRow> rows = store.graph().containedIn(List.of(document.id()));
        Set<Long> components = new HashSet<>();
        Set<Long> subjects = new HashSet<>();
        rows.forEach(r -> (r.depth() == 0 ? subjects : components).add(r.version()));
        Map<Long, Join> found = new LinkedHashMap<>();
        Map<Long, VersionRow> versions = store.packages().byIds(rows.stream().map(ContainsRow::version).toList());
        for (ContainsRow other : store.graph().describing(components)) {
            if (other.document() != document.id()) {
                found.putIfAbsent(other.document(), new Join(Relation.HOLDS, JoinedBy.PURL,
                        versions.get(other.version()).purl()));
            }
        }
        for (ContainsRow other : store.graph().containing(subjects)) {
            if (other.depth() > 0 && other.document() != document.id()) {
                found.putIfAbsent(other.document(), new Join(Relation.INSIDE, JoinedBy.PURL,
                        versions.get(other.version()).purl()));
            }
        }
        joinByArtifacts(document.id(), components, subjects, found);
        Map<Long, DocumentRow> documents = store.documents().byIds(found.keySet());
        return found.entrySet().stream().map(e -> {
            Join n = e.getValue();
            DocumentRow d = documents.get(e.getKey());
            return new NestedDocument(d.digest(), Documents.subject(d), n.relation(), n.joinedBy(), n.via());
        }).sorted(Comparator.comparing(NestedDocument::relation).thenComparing(NestedDocument::digest)).toList();
    }

    /** Documents joined to this one through an artifact digest that one lists and the other's subject has. */
    private void joinByArtifacts(long document, Set<Long> components, Set<Long> subjects,
            Map<Long, Join> found) {
        Map<Long, String> artifactsOfComponents = new HashMap<>();
        Map<Long, String> artifactsOfSubject = new HashMap<>();
        for (OccurrenceRow o : store.graph().occurrencesOf(union(components, subjects))) {
            if (o.document() == document) {
                (subjects.contains(o.version()) ? artifactsOfSubject : artifactsOfComponents)
                        .put(o.artifact(), o.digest());
            }
        }
        if (artifactsOfComponents.isEmpty() && artifactsOfSubject.isEmpty()) {
            return;
        }
        List<OccurrenceRow> sharing = store.graph().occurrencesWith(union(artifactsOfComponents.keySet(),
                artifactsOfSubject.keySet())).stream().filter(o -> o.document() != document).toList();
        Map<Long, Set<Long>> subjectsByDocument = new HashMap<>();
        for (ContainsRow s : store.graph().subjectsOf(sharing.stream().map(OccurrenceRow::document).toList())) {
            subjectsByDocument.computeIfAbsent(s.document(), d -> new HashSet<>()).add(s.version());
        }
        for (OccurrenceRow o : sharing) {
            boolean aboutIt = subjectsByDocument.getOrDefault(o.document(), Set.of()).contains(o.version());
            if (aboutIt && artifactsOfComponents.containsKey(o.artifact())) {
                found.putIfAbsent(o.document(), new Join(Relation.HOLDS, JoinedBy.ARTIFACT, o.digest()));
            } else if (!aboutIt && artifactsOfSubject.containsKey(o.artifact())) {
                found.putIfAbsent(o.document(), new Join(Relation.INSIDE, JoinedBy.ARTIFACT,
                        o.digest()));
            }
        }
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** How another document is joined to this one; its digest and subject are read for all of them at once. */
    private record Join(Relation relation, JoinedBy joinedBy, String via) {}

    /** The licences of a document's components, the most common first. */
    public List<LicenceUse> licences(String digest) {
        DocumentRow document = Documents.row(store, digest);
        Map<String, Integer> counts = new TreeMap<>(NONE_LAST);
        for (LicenceRow row : store.licences().ofDocuments(List.of(document.id()))) {
            String licence = row.concluded() != null && !row.concluded().equals("NOASSERTION") ? row.concluded()
                    : row.declared() != null && !row.declared().equals("NOASSERTION") ? row.declared() : null;
            counts.merge(licence, 1, Integer::sum);
        }
        List<LicenceUse> uses = new ArrayList<>();
        counts.forEach((licence, n) -> uses.add(new LicenceUse(licence, n)));
        uses.sort(Comparator.comparingInt(LicenceUse::components).reversed()
                .thenComparing(LicenceUse::licence, NONE_LAST));
        return uses;
    }
}
