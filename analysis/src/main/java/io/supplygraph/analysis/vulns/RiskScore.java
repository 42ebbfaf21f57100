package io.supplygraph.analysis.vulns;

import io.supplygraph.analysis.view.Epss;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.view.Kev;
import io.supplygraph.analysis.view.Severity;

/**
 * The risk of one vulnerability, as "fix first" ranks by it (the README states the same formula):
 *
 * <pre>
 *   risk = severity × (1 + 3·kev + 2·epss)
 * </pre>
 *
 * where {@code severity} is the CVSS base score (0-10) or, without one, the middle of its rating's CVSS band
 * (critical 9.5, high 7.95, medium 5.45, low 2.45, none 0; 5.0 when nothing rates it), {@code kev} is 1 when the
 * vulnerability is in CISA's KEV catalog and {@code epss} its EPSS probability (0 to 1). A known exploited critical
 * vulnerability thus weighs four times an unexploited one: exploitation observed in the wild outranks any
 * prediction, and a likely exploit (EPSS near 1) triples the weight. Rounded to 2 decimals so that sums and orders
 * are the same on every machine.
 */
public final class RiskScore {

    private RiskScore() {}

    public static double of(Finding f) {
        return of(f.severity(), f.score(), f.kev(), f.epss());
    }

    public static double of(Severity rating, Double score, Kev kev, Epss epss) {
        double severity = score != null ? score : bandMiddle(rating);
        double exploitation = 1 + (kev != null ? 3 : 0) + 2 * (epss == null ? 0 : epss.probability());
        return round(severity * exploitation);
    }

    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double bandMiddle(Severity rating) {
        return switch (rating) {
            case CRITICAL -> 9.5;
            case HIGH -> 7.95;
            case MEDIUM -> 5.45;
            case LOW -> 2.45;
            case NONE -> 0;
            // nothing rates it: neither the worst nor harmless, the middle of the scale
            case UNRATED -> 5.0;
        };
    }
}
