package io.supplygraph.analysis.documents;

import io.supplygraph.analysis.AmbiguousException;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.view.DeletedDocument;
import io.supplygraph.analysis.view.Document;
import io.supplygraph.analysis.view.Page;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import java.util.List;
import java.util.Optional;

/** The ingested documents: listed in ingest order, found by digest or a prefix of it, and deleted. */
public final class Documents {

    private final GraphStore store;

    public Documents(GraphStore store) {
        this.store = store;
    }

    public List<Document> all() {
        return store.documents().all().stream().map(Documents::view).toList();
    }

    /** The documents other than advisories, in ingest order. */
    public List<Document> ingested() {
        return store.documents().ingested().stream().map(Documents::view).toList();
    }

    /** One page of the advisory documents whose name (the record's id) contains {@code fragment}, newest first. */
    public Page<Document> advisories(String fragment, int limit, int offset) {
        Page.of(List.of(), limit, offset); // the limits Page holds every list to, with its messages
        String f = fragment == null ? "" : fragment.strip();
        return new Page<>(store.documents().advisories(f, limit, offset).stream().map(Documents::view).toList(),
                store.documents().countAdvisories(f));
    }

    /** The document with this digest, or with a digest that starts with it. */
    public Document byDigest(String digest) {
        return view(row(store, digest));
    }

    public List<String> warnings(String digest) {
        return store.documents().warnings(row(store, digest).id());
    }

    /** Deletes a document and every fact it asserted; facts other documents asserted too stay. */
    public DeletedDocument delete(String digest) {
        List<DocumentRow> named = store.documents().deleteByDigestPrefix(digest);
        DocumentRow document = one(named, digest).orElseThrow(() -> notFound(digest));
        return new DeletedDocument(document.digest(), document.source());
    }

    /** The one document a digest or digest prefix names; none or several is the caller's mistake. */
    public static DocumentRow row(GraphStore store, String digest) {
        return find(store, digest).orElseThrow(() -> notFound(digest));
    }

    /** The one document a digest or digest prefix names, if any; a prefix that fits several is the caller's mistake. */
    public static Optional<DocumentRow> find(GraphStore store, String digest) {
        return one(store.documents().byDigestPrefix(digest), digest);
    }

    private static Optional<DocumentRow> one(List<DocumentRow> found, String digest) {
        if (found.size() > 1) {
            throw new AmbiguousException("'" + digest + "' is the start of " + found.size()
                    + " document digests; give more of it");
        }
        return found.stream().findFirst();
    }

    private static NotFoundException notFound(String digest) {
        return new NotFoundException("no document has the digest " + digest);
    }

    /** The subject as people read it: its purl, unless that was made up for a subject without one; then its name. */
    public static String subject(DocumentRow d) {
        if (d.subjectPurl() == null || !d.subjectSynthetic()) {
            return d.subjectPurl();
        }
        return d.subjectVersion() == null ? d.subjectName() : d.subjectName() + "@" + d.subjectVersion();
    }

    public static Document view(DocumentRow d) {
        return new Document(d.digest(), DocumentFormat.fromLabel(d.format()), d.specVersion(), d.name(),
                subject(d), d.subjectPurl(), d.componentCount(), d.warningCount(), d.sizeBytes(),
                d.source(), d.ingestedAt(), d.trust().state(), d.trust().signer(), d.trust().reason(), d.application(),
                d.release(), d.producer(), d.supersededBy());
    }
}
