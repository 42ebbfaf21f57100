package io.supplygraph.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** "3 releases of 2 applications (5 documents)": how a blast radius is counted on stderr. */
final class ReleaseCounts {

    private ReleaseCounts() {}

    static <T> String of(List<T> releases, Function<T, String> application, Function<T, List<String>> documents) {
        Set<String> applications = new HashSet<>();
        Set<String> allDocuments = new HashSet<>();
        for (T release : releases) {
            applications.add(String.valueOf(application.apply(release)));
            allDocuments.addAll(documents.apply(release));
        }
        return releases.size() + (releases.size() == 1 ? " release" : " releases") + " of " + applications.size()
                + (applications.size() == 1 ? " application" : " applications") + " (" + allDocuments.size()
                + (allDocuments.size() == 1 ? " document)" : " documents)");
    }
}
