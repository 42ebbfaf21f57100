package io.supplygraph.analysis.vulns;

import io.supplygraph.analysis.vex.VexVerdict;
import io.supplygraph.analysis.vex.VexVerdicts;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.FindingStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A finding's status in each application (document) that contains the package version, and overall. VEX statements
 * are scoped: a vendor saying its application is not affected says nothing about another application that ships
 * the same package. So each containing document gets the verdict of the statements that apply to it ({@link
 * VexVerdicts} with that document's subject as the only product), and a document without one keeps what matching
 * found. The finding's status is the least reassuring of them: it is hidden only when every application says
 * not_affected (or fixed).
 */
final class ApplicationVerdicts {

    /**
     * @param deciding      the VEX verdict behind {@code status}, or null when matching's status stands
     * @param notAffectedIn the documents a VEX statement says are not affected
     * @param affectedIn    the documents that stay exposed: neither not_affected nor fixed
     */
    record Outcome(FindingStatus status, VexVerdict deciding, List<Finding.Container> notAffectedIn,
            List<Finding.Container> affectedIn) {}

    private static final List<FindingStatus> LEAST_REASSURING_FIRST = List.of(FindingStatus.AFFECTED,
            FindingStatus.UNDER_INVESTIGATION, FindingStatus.UNKNOWN, FindingStatus.FIXED, FindingStatus.NOT_AFFECTED);

    private final VexVerdicts vex;

    ApplicationVerdicts(VexVerdicts vex) {
        this.vex = vex;
    }

    /**
     * @param ids        the vulnerability's id and aliases
     * @param matched    what matching found: affected or unknown
     * @param containers the documents containing the package version; with none, statements about the package
     *                   itself still apply
     */
    Outcome decide(Set<String> ids, String purl, FindingStatus matched, List<Contained> containers) {
        // No statement names the vulnerability (most findings of a portfolio): no verdict in any application, and
        // no product purl to parse, for each of the million (finding, application) pairs of a portfolio
        List<VexVerdict> verdicts = vex.anyNamed(ids) ? vex.verdictsFor(ids, purl, products(containers))
                : Collections.nCopies(Math.max(1, containers.size()), null);
        // the least reassuring status decides (the first of equals); each document is listed by what it got
        FindingStatus decisive = null;
        VexVerdict deciding = null;
        List<Finding.Container> notAffected = new ArrayList<>();
        List<Finding.Container> affected = new ArrayList<>(containers.size());
        for (int i = 0; i < verdicts.size(); i++) {
            VexVerdict v = verdicts.get(i);
            FindingStatus status = v == null ? matched : FindingStatus.of(v.status());
            if (decisive == null
                    || LEAST_REASSURING_FIRST.indexOf(status) < LEAST_REASSURING_FIRST.indexOf(decisive)) {
                decisive = status;
                deciding = v;
            }
            if (containers.isEmpty()) {
                continue;
            }
            Finding.Container c = containers.get(i).container();
            if (status == FindingStatus.NOT_AFFECTED) {
                notAffected.add(c);
            } else if (status != FindingStatus.FIXED) {
                affected.add(c);
            }
        }
        return new Outcome(decisive, deciding, notAffected, affected);
    }

    /** One product per document: its subject, alone; one empty product when no document contains the version. */
    private static List<Set<String>> products(List<Contained> containers) {
        List<Set<String>> products = new ArrayList<>();
        for (Contained c : containers) {
            products.add(c.subjectPurl() == null ? Set.of() : Set.of(c.subjectPurl()));
        }
        if (containers.isEmpty()) {
            products.add(Set.of());
        }
        return products;
    }
}
