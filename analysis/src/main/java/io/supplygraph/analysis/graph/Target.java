package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.AmbiguousException;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.analysis.documents.Documents;
import io.supplygraph.model.Digest;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.List;
import java.util.Optional;

/**
 * What a user named on the command line: package versions (by purl, or by bare name), a document (by its
 * digest or a prefix of it), or an artifact (by digest). A digest names a document when one has it, else an
 * artifact.
 */
public sealed interface Target {

    record Packages(String query, List<VersionRow> versions) implements Target {}

    record Document(DocumentRow document) implements Target {}

    record Artifact(long id, String digest) implements Target {}

    static Target resolve(GraphStore store, String text) {
        String t = text.strip();
        if (PackageIdentity.looksLikePurl(t)) {
            try {
                PackageIdentity identity = PackageIdentity.fromPurl(t);
                PurlTypes.requireKnown(store, identity.type());
                return new Packages(t, store.packages().matching(identity));
            } catch (InvalidPurlException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (Digest.looksLikeDigest(t)) {
            Optional<DocumentRow> document = Documents.find(store, t);
            if (document.isPresent()) {
                return new Document(document.get());
            }
            return artifact(store, t);
        }
        return new Packages(t, store.packages().named(t));
    }

    /** The artifact with this digest, or the one whose digest starts with it, as a document prefix is taken. */
    private static Artifact artifact(GraphStore store, String digest) {
        String lower = digest.toLowerCase(java.util.Locale.ROOT);
        List<GraphSql.ArtifactRow> found = store.graph().artifactsStartingWith(lower);
        if (found.size() > 1 && found.stream().noneMatch(a -> a.digest().equals(lower))) {
            throw new AmbiguousException("'" + digest + "' is the start of more than one artifact digest; give more"
                    + " of it");
        }
        return found.stream().filter(a -> a.digest().equals(lower)).findFirst().or(() -> found.stream().findFirst())
                .map(a -> new Artifact(a.id(), a.digest()))
                .orElseThrow(() -> new NotFoundException("no document or artifact has the digest " + digest));
    }

    /** The package versions this target stands for: a document stands for its subjects. */
    static List<Long> versions(GraphStore store, Target target) {
        if (target instanceof Packages p) {
            return p.versions().stream().map(VersionRow::id).toList();
        }
        if (target instanceof Document d) {
            return store.graph().subjectsOf(List.of(d.document().id())).stream().map(row -> row.version()).toList();
        }
        Artifact a = (Artifact) target;
        return store.graph().occurrencesWith(List.of(a.id())).stream().map(row -> row.version()).distinct().toList();
    }
}
