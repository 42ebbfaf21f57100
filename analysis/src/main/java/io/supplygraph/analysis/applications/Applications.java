package io.supplygraph.analysis.applications;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.analysis.view.ApplicationDetail;
import io.supplygraph.analysis.view.Component;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.LicenceUse;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.ContainsRow;
import io.supplygraph.store.sql.LicenceSql.LicenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
