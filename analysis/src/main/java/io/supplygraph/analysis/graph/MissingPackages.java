package io.supplygraph.analysis.graph;

import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.store.GraphStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells a package the graph does not hold from one that no application happens to contain: an empty answer for the
 * first is a typo's, and says so with the closest packages the graph does hold.
 */
public final class MissingPackages {

    private MissingPackages() {}

    /** @throws NotFoundException when {@code text} (a purl or a bare name) names no package version in the graph */
    public static void requireHeld(GraphStore store, String text) {
        if (!(Target.resolve(store, text) instanceof Target.Packages packages) || !packages.versions().isEmpty()) {
            return;
        }
        String t = text.strip();
        if (!PackageIdentity.looksLikePurl(t)) {
            int slack = 2 + t.length() / 6;
            throw new NotFoundException("the graph holds no package named " + t + CloseNames.suggestion(t,
                    store.packages().namesOfLength(Math.max(1, t.length() - slack), t.length() + slack)));
        }
        PackageIdentity identity = identity(t);
        // Compared without "pkg:type/", which every candidate shares and which would make long purls look close.
        String typePrefix = "pkg:" + identity.type() + "/";
        List<String> names = new ArrayList<>();
        for (String base : store.packages().basesOfType(identity.type())) {
            names.add(base.substring(typePrefix.length()));
        }
        List<String> close = CloseNames.closest(identity.base().substring(typePrefix.length()), names).stream()
                .map(name -> typePrefix + name).toList();
        throw new NotFoundException("the graph holds no package " + identity.purl()
                + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
    }

    private static PackageIdentity identity(String purl) {
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
