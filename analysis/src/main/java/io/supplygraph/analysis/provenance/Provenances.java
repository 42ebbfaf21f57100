package io.supplygraph.analysis.provenance;

import io.supplygraph.analysis.graph.Target;
import io.supplygraph.analysis.view.Build;
import io.supplygraph.analysis.view.Build.Material;
import io.supplygraph.model.Trust;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.DocumentSql.DocumentRow;
import io.supplygraph.store.sql.GraphSql.OccurrenceRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import io.supplygraph.store.sql.ProvenanceSql.MaterialRow;
import io.supplygraph.store.sql.ProvenanceSql.ProvenanceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How something was built, by whom, from which source: the SLSA provenance of a package version or an artifact.
 * A package version's provenance is found through its artifacts' digests, whichever document stated them (a
 * container image's SBOM lists a binary with digest D; a provenance document's subject is D), and through
 * provenance whose subject names the package by purl.
 */
public final class Provenances {

    private final GraphStore store;

    public Provenances(GraphStore store) {
        this.store = store;
    }

    public List<Build> of(Target target) {
        List<Long> versions = Target.versions(store, target);
        Map<Long, VersionRow> versionRows = store.packages().byIds(versions);
        // each artifact remembers what led to it, to answer "via"
        Map<Long, String> viaArtifact = new LinkedHashMap<>();
        if (target instanceof Target.Artifact a) {
            viaArtifact.put(a.id(), a.digest());
        }
        for (OccurrenceRow o : store.graph().occurrencesOf(versions)) {
            viaArtifact.putIfAbsent(o.artifact(), versionRows.get(o.version()).purl());
        }
        List<ProvenanceRow> rows = new ArrayList<>(store.provenance().ofArtifacts(viaArtifact.keySet()));
        rows.addAll(store.provenance().ofVersions(versions));
        Set<Long> documents = new LinkedHashSet<>();
        rows.forEach(r -> documents.add(r.document()));
        Map<Long, List<Material>> materials = materials(documents);
        Map<Long, DocumentRow> signedBy = store.documents().byIds(documents);
        Map<String, Build> builds = new LinkedHashMap<>();
        for (ProvenanceRow r : rows) {
            String via = r.subjectArtifact() != null && viaArtifact.containsKey(r.subjectArtifact())
                    ? viaArtifact.get(r.subjectArtifact()) : versionRows.get(r.subjectVersion()).purl();
            String subject = r.subjectDigest() != null ? r.subjectDigest() : versionRows.get(r.subjectVersion()).purl();
            Trust trust = signedBy.get(r.document()).trust();
            builds.putIfAbsent(r.document() + " " + subject, new Build(via, subject, r.subjectName(), r.builderId(),
                    r.buildType(), r.slsaVersion(), SlsaLevel.of(r.builderId(), trust), r.sourceUrl(),
                    r.sourceRevision(), r.startedOn(), r.finishedOn(), r.invocationId(), r.externalParameters(),
                    materials.getOrDefault(r.document(), List.of()), trust.state(), r.documentDigest()));
        }
        // one build per provenance document and subject: unique
        List<Build> result = new ArrayList<>(builds.values());
        result.sort(Comparator.comparing(Build::subject).thenComparing(Build::document));
        return result;
    }

    private Map<Long, List<Material>> materials(Set<Long> documents) {
        Map<Long, List<Material>> byDocument = new HashMap<>();
        for (MaterialRow m : store.provenance().materials(documents)) {
            byDocument.computeIfAbsent(m.document(), d -> new ArrayList<>())
                    .add(new Material(m.uri(), m.digest(), m.sourceUrl(), m.revision()));
        }
        return byDocument;
    }
}
