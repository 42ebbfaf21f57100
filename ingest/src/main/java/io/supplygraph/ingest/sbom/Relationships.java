package io.supplygraph.ingest.sbom;

import io.supplygraph.model.EdgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * The relationships a document states, in its order, kept as positions rather than refs. A ref that is defined
 * already (CycloneDX lists its dependencies after its components) is resolved at once, so a relationship costs
 * 12 bytes instead of two strings and an array, which for a million-component BOM is the difference between
 * 12 MB and 150 MB. A ref not defined yet (SPDX may state relationships before packages, or name one it never
 * defines) is kept as written until {@link #resolve}, which sees every definition.
 */
final class Relationships {

    private static final int UNDEFINED = -1;

    private final IntStream.Builder from = IntStream.builder();
    private final IntStream.Builder to = IntStream.builder();
    private final IntStream.Builder kinds = IntStream.builder();
    /** Refs not defined when their relationship came; {@code -1 - i} stands for the i-th. */
    private final List<String> pendingRefs = new ArrayList<>();

    void add(String fromRef, String toRef, EdgeKind kind, Map<String, Integer> positionByRef) {
        Integer f = positionByRef.get(fromRef);
        Integer t = positionByRef.get(toRef);
        if (f != null && t != null) {
            from.add(f);
            to.add(t);
        } else {
            // both kept as written, so that a warning can quote the relationship
            from.add(pending(fromRef));
            to.add(pending(toRef));
        }
        kinds.add(kind.ordinal());
    }

    private int pending(String ref) {
        pendingRefs.add(ref);
        return -pendingRefs.size();
    }

    /**
     * The graph of {@code nodes} positions these relationships make, self-references left out; one naming a ref
     * the document does not define is skipped with a warning. Call once, when every ref is defined.
     */
    DependencyGraph resolve(int nodes, Map<String, Integer> positionByRef, Consumer<String> warnings) {
        int[] froms = from.build().toArray();
        int[] tos = to.build().toArray();
        int[] kindOrdinals = kinds.build().toArray();
        int kept = 0;
        for (int i = 0; i < froms.length; i++) {
            int f = decode(froms[i], positionByRef);
            int t = decode(tos[i], positionByRef);
            if (f == UNDEFINED || t == UNDEFINED) {
                String fromRef = pendingRefs.get(-1 - froms[i]);
                String toRef = pendingRefs.get(-1 - tos[i]);
                warnings.accept("relationship " + fromRef + " -> " + toRef + " names '"
                        + (f == UNDEFINED ? fromRef : toRef) + "', which the document does not define; skipped");
            } else if (f != t) {
                froms[kept] = f;
                tos[kept] = t;
                kindOrdinals[kept] = kindOrdinals[i];
                kept++;
            }
        }
        return DependencyGraph.of(nodes, froms, tos, kindOrdinals, kept);
    }

    private int decode(int encoded, Map<String, Integer> positionByRef) {
        return encoded >= 0 ? encoded : positionByRef.getOrDefault(pendingRefs.get(-1 - encoded), UNDEFINED);
    }
}
