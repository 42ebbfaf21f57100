package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.Component;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A document's components as the page draws them: nested lists, written as a flat run of open, leaf and close
 * steps so that neither this class nor the template recurses, however deep a document nests. A filter keeps the
 * components whose purl contains it and the components above them; the page shows at most {@code limit}.
 */
public record ComponentTree(List<Step> steps, int shown, int total, int matching) {

    public enum Kind { OPEN, LEAF, CLOSE }

    /*
     * The tree's markup is written from these constants, never from data: the template checks that its own tags
     * balance, which nested lists written as a flat run of steps cannot do, so the unbalanced tags come from here.
     */
    public static final String CLOSE = "</ul></details></li>";

    /** @param match whether the component itself matched the filter (the others are only on the way to one) */
    public record Step(Kind kind, Component component, boolean match) {

        public String opening(boolean expanded) {
            if (kind == Kind.LEAF) {
                return "<li>";
            }
            return expanded ? "<li><details open><summary>" : "<li><details><summary>";
        }

        public String closing() {
            return kind == Kind.LEAF ? "</li>" : "</summary><ul>";
        }
    }

    public static ComponentTree of(List<Component> components, String filter, int limit) {
        List<Component> kept = filter == null || filter.isBlank() ? components : matching(components, filter);
        Set<Component> matches = filter == null || filter.isBlank() ? Set.of() : new HashSet<>(direct(components,
                filter));
        List<Component> shown = kept.subList(0, Math.min(limit, kept.size()));
        List<Step> steps = new ArrayList<>();
        List<Integer> openDepths = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Component c = shown.get(i);
            while (!openDepths.isEmpty() && openDepths.get(openDepths.size() - 1) >= c.depth()) {
                openDepths.remove(openDepths.size() - 1);
                steps.add(new Step(Kind.CLOSE, null, false));
            }
            boolean hasChildren = i + 1 < shown.size() && shown.get(i + 1).depth() > c.depth();
            steps.add(new Step(hasChildren ? Kind.OPEN : Kind.LEAF, c, matches.contains(c)));
            if (hasChildren) {
                openDepths.add(c.depth());
            }
        }
        openDepths.forEach(d -> steps.add(new Step(Kind.CLOSE, null, false)));
        return new ComponentTree(steps, shown.size(), components.size(), kept.size());
    }

    public boolean filtered() {
        return matching != total;
    }

    private static List<Component> direct(List<Component> components, String filter) {
        String needle = filter.strip().toLowerCase(Locale.ROOT);
        return components.stream().filter(c -> c.purl().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    /** The matches and every component above one, in the tree's order. */
    private static List<Component> matching(List<Component> components, String filter) {
        Set<Component> matches = new HashSet<>(direct(components, filter));
        boolean[] keep = new boolean[components.size()];
        // the components above the current one, by depth: a match keeps its whole line of ancestors
        List<Integer> above = new ArrayList<>();
        for (int i = 0; i < components.size(); i++) {
            Component c = components.get(i);
            while (!above.isEmpty() && components.get(above.get(above.size() - 1)).depth() >= c.depth()) {
                above.remove(above.size() - 1);
            }
            if (matches.contains(c)) {
                keep[i] = true;
                above.forEach(a -> keep[a] = true);
            }
            above.add(i);
        }
        List<Component> kept = new ArrayList<>();
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                kept.add(components.get(i));
            }
        }
        return kept;
    }
}
