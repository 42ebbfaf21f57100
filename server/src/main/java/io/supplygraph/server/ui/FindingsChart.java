package io.supplygraph.server.ui;

import io.supplygraph.analysis.view.FindingStatus;
import io.supplygraph.analysis.view.Overview.FindingCount;
import io.supplygraph.analysis.view.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Findings by rating, one bar each, cut into statuses. Widths are percentages of the longest bar, drawn as SVG
 * rectangles: attributes, not inline styles, so the page's Content-Security-Policy need not allow inline styles.
 */
public record FindingsChart(List<Bar> bars) {

    public record Bar(Severity severity, long total, List<Segment> segments) {}

    /** @param x where the segment starts and {@code width} how long it is, both in percent of the chart */
    public record Segment(FindingStatus status, long findings, double x, double width) {}

    public static FindingsChart of(List<FindingCount> counts) {
        Map<Severity, List<FindingCount>> bySeverity = new LinkedHashMap<>();
        counts.forEach(c -> bySeverity.computeIfAbsent(c.severity(), s -> new ArrayList<>()).add(c));
        long longest = bySeverity.values().stream()
                .mapToLong(list -> list.stream().mapToLong(FindingCount::findings).sum()).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        bySeverity.forEach((severity, list) -> {
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            long total = 0;
            for (FindingCount c : list) {
                double width = 100.0 * c.findings() / longest;
                segments.add(new Segment(c.status(), c.findings(), x, width));
                x += width;
                total += c.findings();
            }
            bars.add(new Bar(severity, total, segments));
        });
        return new FindingsChart(bars);
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    /** The statuses present, in their declared order, for the legend. */
    public List<FindingStatus> statuses() {
        return bars.stream().flatMap(b -> b.segments().stream()).map(Segment::status).filter(Objects::nonNull)
                .distinct().sorted().toList();
    }
}
