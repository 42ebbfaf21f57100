package io.supplygraph.ingest.spdx3;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.SbomComponent;
import io.supplygraph.ingest.sbom.SbomSink;
import io.supplygraph.ingest.spdx.SpdxValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An SPDX 3 {@code @graph}, resolved once every element is read. SPDX 3 keeps a package's licences and
 * supplier in elements of their own, joined by references in any order, so nothing can be reported before
 * the graph ends: this holds a summary of each package, relationship, licence and agent (not the
 * documents' texts, which are skipped unread) and reports them all in {@link #finish}.
 *
 * <p>Relationships are reported between packages only: an end that is another kind of element of this
 * graph (file, snippet, document, agent, ...) drops it without a warning, and an end this graph does not
 * define (an element imported from another document) drops it with one.
 */
final class Spdx3Graph {

    private static final Set<String> NO_LICENCE = Set.of("NoAssertionLicense", "NoneLicense", "NoAssertion", "None");
    private static final String LISTED_LICENCES = "https://spdx.org/licenses/";

    private record Stated(String from, Spdx3Relationship meaning, List<String> to, String scope) {}

    private final SbomSink sink;
    private String contextVersion;
    private boolean graphSeen;
    private String specVersion;
    private String documentName;
    private final List<Spdx3Element> packages = new ArrayList<>();
    private final Set<String> packageIds = new HashSet<>();
    private final Set<String> definedIds = new HashSet<>();
    private final Set<String> collectionIds = new HashSet<>();
    private final Map<String, String> licences = new HashMap<>();
    private final Map<String, String> agents = new HashMap<>();
    private final Set<String> softwareAgents = new HashSet<>();
    private final Map<String, Spdx3Element> creationInfos = new HashMap<>();
    private Spdx3Element firstCreationInfo;
    /** The SpdxDocument's own element, whose CreationInfo says who made the document and when. */
    private Spdx3Element document;
    private final List<String> rootElements = new ArrayList<>();
    private final List<Stated> relationships = new ArrayList<>();

    Spdx3Graph(SbomSink sink) {
        this.sink = sink;
    }

    /** The {@code @context} values; one must be the SPDX 3 context, whose address carries the version. */
    void context(List<String> values) throws DocumentRejectedException {
        for (String value : values) {
            int at = value.indexOf("spdx.org/rdf/3.");
            if (at >= 0) {
                String version = value.substring(at + "spdx.org/rdf/".length());
                contextVersion = version.contains("/") ? version.substring(0, version.indexOf('/')) : version;
                return;
            }
        }
        throw new DocumentRejectedException("not SPDX 3 JSON-LD: @context " + values
                + " does not name the SPDX 3 context (https://spdx.org/rdf/3.0.x/spdx-context.jsonld)");
    }

    void graphStarts() {
        graphSeen = true;
    }

    void element(Spdx3Element e) {
        if (specVersion == null) {
            specVersion = e.specVersion;
        }
        if (e.id != null) {
            definedIds.add(e.id);
        }
        if (e.isPackage()) {
            packages.add(e);
            if (e.id != null) {
                packageIds.add(e.id);
            }
        } else if (e.isCollection()) {
            collectionIds.add(e.id);
            rootElements.addAll(e.rootElements);
            if (document == null && "SpdxDocument".equals(e.type)) {
                document = e;
                documentName = e.name;
            }
        } else if (e.isAgent()) {
            agents.put(e.id, e.name);
            if (e.isSoftware()) {
                softwareAgents.add(e.id);
            }
        } else if (e.isCreationInfo()) {
            creationInfos.put(e.id, e);
            firstCreationInfo = firstCreationInfo == null ? e : firstCreationInfo;
        } else if (e.isRelationship()) {
            relationship(e);
        } else if (e.id != null && e.licence() != null) {
            licences.put(e.id, e.licence());
        }
    }

    private void relationship(Spdx3Element e) {
        Spdx3Relationship meaning = e.relationshipType == null ? null : Spdx3Relationship.of(e.relationshipType);
        if (meaning == null) {
            sink.warning("relationship " + e.id + " has an unknown type " + e.relationshipType + " (skipped)");
        } else if (e.from == null) {
            sink.warning("relationship " + e.id + " has no from (skipped)");
        } else if (!(meaning instanceof Spdx3Relationship.Ignored)) {
            relationships.add(new Stated(e.from, meaning, List.copyOf(e.to), Spdx3Element.vocabularyTerm(e.scope)));
        }
    }

    void finish() throws DocumentRejectedException {
        if (contextVersion == null) {
            throw new DocumentRejectedException("not SPDX 3 JSON-LD: no @context");
        }
        if (!graphSeen) {
            throw new DocumentRejectedException("not SPDX 3 JSON-LD: no @graph of elements");
        }
        sink.document(specVersion != null ? specVersion : contextVersion, documentName);
        creation();
        Map<String, String> declared = new HashMap<>();
        Map<String, String> concluded = new HashMap<>();
        for (Stated r : relationships) {
            if (r.meaning instanceof Spdx3Relationship.Licence l && !r.to.isEmpty()) {
                (l.declared() ? declared : concluded).putIfAbsent(r.from, r.to.get(0));
            }
        }
        int ordinal = 0;
        for (Spdx3Element p : packages) {
            ordinal++;
            sink.component(component(p, ordinal, declared.get(p.id), concluded.get(p.id)));
        }
        Set<String> described = new LinkedHashSet<>();
        rootElements.forEach(ref -> describe(ref, described));
        for (Stated r : relationships) {
            if (r.meaning instanceof Spdx3Relationship.Describes && collectionIds.contains(r.from)) {
                r.to.forEach(ref -> describe(ref, described));
            }
        }
        described.forEach(sink::describes);
        for (Stated r : relationships) {
            if (r.meaning instanceof Spdx3Relationship.Edge edge) {
                for (String to : r.to) {
                    if (bothPackages(r.from, to)) {
                        sink.relationship(r.from, to, edge.in(r.scope));
                    }
                }
            }
        }
    }

    /**
     * Who made the document and when: its SpdxDocument's CreationInfo (by reference, or inline), else the graph's
     * first. The tools it was made with ({@code createdUsing}, and software agents among {@code createdBy}) come
     * before the people and organisations, as an SPDX 2 document's creators are read.
     */
    private void creation() {
        Spdx3Element info = firstCreationInfo;
        if (document != null && document.created != null) {
            info = document;
        } else if (document != null && creationInfos.containsKey(document.creationInfo)) {
            info = creationInfos.get(document.creationInfo);
        }
        if (info == null) {
            return;
        }
        if (info.created != null) {
            sink.timestamp(info.created);
        }
        info.createdUsing.forEach(id -> named(id, sink::tool));
        info.createdBy.stream().filter(softwareAgents::contains).forEach(id -> named(id, sink::tool));
        info.createdBy.stream().filter(id -> !softwareAgents.contains(id)).forEach(id -> named(id, sink::author));
    }

    private void named(String agentId, Consumer<String> report) {
        String name = SpdxValues.asserted(agents.get(agentId));
        if (name != null) {
            report.accept(name);
        }
    }

    private SbomComponent component(Spdx3Element p, int ordinal, String declaredRef, String concludedRef) {
        String ref = p.id;
        if (ref == null || ref.isBlank()) {
            ref = "urn:supplygraph:spdx3-package-" + ordinal;
            sink.warning("package #" + ordinal + " \"" + p.name + "\" has no spdxId; referred to as " + ref);
        }
        for (String problem : p.problems) {
            sink.warning("package " + ref + ": " + problem);
        }
        String vcs = SpdxValues.vcsUrl(p.downloadLocation);
        return new SbomComponent(
                ref,
                p.name,
                SpdxValues.asserted(p.version),
                p.purl != null ? p.purl : p.identifierPurl,
                SpdxValues.purpose(p.purpose),
                p.digests,
                licence(declaredRef, ref),
                licence(concludedRef, ref),
                p.suppliedBy == null ? null : SpdxValues.asserted(agents.get(p.suppliedBy)),
                p.cpe23 != null ? p.cpe23 : p.cpe22,
                vcs != null ? vcs : p.vcs);
    }

    private String licence(String licenceRef, String packageRef) {
        if (licenceRef == null) {
            return null;
        }
        String known = licences.get(licenceRef);
        if (known != null) {
            return SpdxValues.asserted(known);
        }
        String term = Spdx3Element.vocabularyTerm(licenceRef);
        if (NO_LICENCE.contains(term)) {
            return null;
        }
        if (licenceRef.startsWith(LISTED_LICENCES)) {
            return term;
        }
        sink.warning("package " + packageRef + ": licence " + licenceRef
                + " is not a licence element this reader understands (skipped)");
        return null;
    }

    private void describe(String ref, Set<String> described) {
        if (packageIds.contains(ref)) {
            described.add(ref);
        } else if (!definedIds.contains(ref)) {
            sink.warning("the document describes " + ref + ", which it does not define (skipped)");
        }
    }

    private boolean bothPackages(String from, String to) {
        for (String end : new String[] {from, to}) {
            if (!definedIds.contains(end)) {
                sink.warning("relationship " + from + " -> " + to + " names " + end
                        + ", which this document does not define (skipped)");
                return false;
            }
        }
        return packageIds.contains(from) && packageIds.contains(to);
    }
}
