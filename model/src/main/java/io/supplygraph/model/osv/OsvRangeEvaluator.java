package io.supplygraph.model.osv;

import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides whether a version is affected by an OSV {@code affected[]} entry, following the OSV schema's evaluation
 * algorithm: the version is affected if it is listed in {@code versions} or lies in any range. Within a range the
 * events are sorted by version ({@code introduced: "0"} first, equal versions keeping introduced before the upper
 * bounds), then walked: {@code introduced} opens, {@code fixed} closes at the version, {@code last_affected} closes
 * after it; {@code limit} events cap the range. SEMVER ranges compare as SemVer whatever the ecosystem, ECOSYSTEM
 * ranges with the ecosystem's scheme. A GIT range, or a version or event that its scheme cannot parse, leaves the
 * question open: the answer is then UNKNOWN unless another range or the list says AFFECTED, never a silent "not
 * affected".
 */
public final class OsvRangeEvaluator {

    private final VersionScheme ecosystemScheme;

    public OsvRangeEvaluator(VersionScheme ecosystemScheme) {
        this.ecosystemScheme = ecosystemScheme;
    }

    /** The evaluator for an entry's own ecosystem ({@code package.ecosystem}), generic when unknown. */
    public static OsvRangeEvaluator forAffected(OsvAffected affected) {
        String ecosystem = affected.pkg() == null ? null : affected.pkg().ecosystem();
        return new OsvRangeEvaluator(ecosystem == null ? VersionSchemes.GENERIC
                : VersionSchemes.forOsvName(ecosystem).orElse(VersionSchemes.GENERIC));
    }

    public OsvVerdict evaluate(OsvAffected affected, String version) {
        if (affected.versions().contains(version)) {
            return new OsvVerdict(OsvVerdict.Verdict.AFFECTED, "listed in versions");
        }
        String unknown = null;
        List<String> outside = new ArrayList<>();
        for (OsvRange range : affected.ranges()) {
            RangeAnswer answer = evaluate(range, version);
            switch (answer.kind()) {
                case AFFECTED -> {
                    return new OsvVerdict(OsvVerdict.Verdict.AFFECTED, "range " + range.describe());
                }
                case UNKNOWN -> {
                    if (unknown == null) {
                        unknown = "range " + range.describe() + ": " + answer.reason();
                    }
                }
                case OUTSIDE -> outside.add(range.describe());
            }
        }
        if (unknown != null) {
            return new OsvVerdict(OsvVerdict.Verdict.UNKNOWN, unknown);
        }
        if (affected.ranges().isEmpty() && affected.versions().isEmpty()) {
            return new OsvVerdict(OsvVerdict.Verdict.UNKNOWN, "the entry lists neither ranges nor versions");
        }
        String where = outside.isEmpty() ? "not in versions" : "outside range " + String.join("; range ", outside)
                + (affected.versions().isEmpty() ? "" : " and not in versions");
        return new OsvVerdict(OsvVerdict.Verdict.NOT_AFFECTED, where);
    }

    private enum Kind { AFFECTED, OUTSIDE, UNKNOWN }

    private record RangeAnswer(Kind kind, String reason) {
        static final RangeAnswer AFFECTED = new RangeAnswer(Kind.AFFECTED, null);
        static final RangeAnswer OUTSIDE = new RangeAnswer(Kind.OUTSIDE, null);

        static RangeAnswer unknown(String reason) {
            return new RangeAnswer(Kind.UNKNOWN, reason);
        }
    }

    private record Bound(OsvEvent event, Version version) {}

    private RangeAnswer evaluate(OsvRange range, String text) {
        VersionScheme scheme;
        if ("SEMVER".equalsIgnoreCase(range.type())) {
            scheme = VersionSchemes.SEMVER;
        } else if ("ECOSYSTEM".equalsIgnoreCase(range.type())) {
            scheme = ecosystemScheme;
        } else {
            return RangeAnswer.unknown("GIT".equalsIgnoreCase(range.type())
                    ? "a commit range cannot be decided from a version string"
                    : "unknown range type " + range.type());
        }
        Version v;
        List<Bound> bounds = new ArrayList<>();
        List<Version> limits = new ArrayList<>();
        boolean unbounded = false;
        try {
            v = scheme.parse(text);
            for (OsvEvent e : range.events()) {
                if (e.limit() != null) {
                    if (e.limit().equals("*")) {
                        unbounded = true;
                    } else {
                        limits.add(scheme.parse(e.limit()));
                    }
                } else if (e.introduced() != null && e.introduced().equals("0")) {
                    bounds.add(new Bound(e, null));
                } else if (e.version() != null) {
                    bounds.add(new Bound(e, scheme.parse(e.version())));
                }
            }
        } catch (InvalidVersionException e) {
            return RangeAnswer.unknown(e.getMessage());
        }
        if (!unbounded && !limits.isEmpty() && limits.stream().noneMatch(limit -> v.compareTo(limit) < 0)) {
            return RangeAnswer.OUTSIDE;
        }
        bounds.sort(Comparator.comparing(Bound::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(b -> b.event().introduced() == null));
        boolean affected = false;
        for (Bound b : bounds) {
            OsvEvent e = b.event();
            if (e.introduced() != null) {
                if (b.version() == null || v.compareTo(b.version()) >= 0) {
                    affected = true;
                }
            } else if (e.fixed() != null) {
                if (v.compareTo(b.version()) >= 0) {
                    affected = false;
                }
            } else if (v.compareTo(b.version()) > 0) {
                affected = false;
            }
        }
        return affected ? RangeAnswer.AFFECTED : RangeAnswer.OUTSIDE;
    }
}
