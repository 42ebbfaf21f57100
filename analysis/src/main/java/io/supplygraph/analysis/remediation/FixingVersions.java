package io.supplygraph.analysis.remediation;

import io.supplygraph.analysis.view.NoFixReason;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvEvent;
import io.supplygraph.model.osv.OsvRange;
import io.supplygraph.model.osv.OsvRangeEvaluator;
import io.supplygraph.model.osv.OsvVerdict;
import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.Version;
import io.supplygraph.model.version.VersionScheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The versions that fix one package, judged against all of its advisories at once: the fixed version of one
 * advisory can lie inside the range of another (pyarrow 0.15.0 fixes PYSEC-2019-196 and is affected by
 * PYSEC-2023-238), so the answer is not the highest of the fixed versions but the lowest candidate that the
 * advisories, evaluated together by the OSV rules, leave unaffected.
 *
 * <p>Candidates are the versions the advisories name as {@code fixed}, and every version of the package seen in the
 * graph (the only way past a {@code last_affected} bound, and a version list, to a version known to exist). Each is
 * evaluated once per package, whatever the number of versions asked about. Pre-releases are candidates only for a
 * current pre-release.
 *
 * <p>Choice: the lowest candidate in the current version's line ({@link VersionLine}) that no advisory affects; else
 * the one in that line leaving the least risk, provided it removes some of the current version's advisories and
 * adds none; else the lowest of any line that no advisory affects; else the least risky one of any line that removes
 * and adds nothing. {@code targetAnyMajor} is always the lowest unaffected candidate of any line.
 */
final class FixingVersions {

    /**
     * One advisory of the package: its OSV id, its entries for the package, and the weight of leaving it in place
     * (its risk score).
     */
    record Advisory(String id, double weight, List<OsvAffected> entries) {}

    /**
     * What to move a version to.
     *
     * @param target    null when no candidate removes anything
     * @param remaining ids of the advisories affecting {@code target} (those of the current version when it is null)
     * @param unfixed   for each advisory of the current version that {@code target} leaves, why
     */
    record Choice(String target, String targetAnyMajor, Set<String> remaining, Map<String, NoFixReason> unfixed) {}

    private record Candidate(String text, Version version, String line, boolean preRelease, Set<String> affecting) {}

    private final Ecosystem ecosystem;
    private final VersionScheme scheme;
    private final Map<String, Advisory> advisories = new TreeMap<>();
    private final List<Candidate> candidates = new ArrayList<>();
    /** Evaluations by version: a portfolio asks about the same versions (often candidates themselves) many times. */
    private final Map<String, Set<String>> affecting = new HashMap<>();

    FixingVersions(Ecosystem ecosystem, VersionScheme scheme, Collection<Advisory> advisories,
            Collection<String> knownVersions) {
        this.ecosystem = ecosystem;
        this.scheme = scheme;
        advisories.forEach(a -> this.advisories.put(a.id(), a));
        Map<String, Version> texts = new LinkedHashMap<>();
        for (Advisory a : advisories) {
            for (OsvAffected entry : a.entries()) {
                for (OsvRange range : entry.ranges()) {
                    for (OsvEvent event : range.events()) {
                        if (event.fixed() != null && !"GIT".equalsIgnoreCase(range.type())) {
                            parse(event.fixed()).ifPresent(v -> texts.putIfAbsent(event.fixed(), v));
                        }
                    }
                }
            }
        }
        knownVersions.forEach(k -> parse(k).ifPresent(v -> texts.putIfAbsent(k, v)));
        // Versions equal in the scheme's order but spelled apart (2.0 and 2.0.0) are one candidate: the first kept.
        Map<Version, String> distinct = new TreeMap<>();
        texts.forEach((text, version) -> distinct.putIfAbsent(version, text));
        distinct.forEach((version, text) -> candidates.add(new Candidate(text, version, VersionLine.of(ecosystem, text),
                VersionLine.isPreRelease(ecosystem, text), affecting(text))));
    }

    /** Ids of the advisories whose entries say this version is affected (an undecidable entry does not count). */
    Set<String> affecting(String version) {
        return affecting.computeIfAbsent(version, this::evaluate);
    }

    private Set<String> evaluate(String version) {
        Set<String> ids = new TreeSet<>();
        for (Advisory a : advisories.values()) {
            for (OsvAffected entry : a.entries()) {
                if (OsvRangeEvaluator.forAffected(entry).evaluate(entry, version).verdict()
                        == OsvVerdict.Verdict.AFFECTED) {
                    ids.add(a.id());
                    break;
                }
            }
        }
        return ids;
    }

    Choice choose(String current) {
        Set<String> now = affecting(current);
        java.util.Optional<Version> parsed = parse(current);
        if (parsed.isEmpty()) {
            return new Choice(null, null, now, reasons(now, null, List.of()));
        }
        String line = VersionLine.of(ecosystem, current);
        boolean fromPreRelease = VersionLine.isPreRelease(ecosystem, current);
        List<Candidate> later = candidates.stream()
                .filter(c -> c.version().compareTo(parsed.get()) > 0 && (fromPreRelease || !c.preRelease())).toList();
        Candidate anyClean = later.stream().filter(c -> c.affecting().isEmpty()).findFirst().orElse(null);
        List<Candidate> inLine = later.stream().filter(c -> c.line().equals(line)).toList();
        Candidate target = inLine.stream().filter(c -> c.affecting().isEmpty()).findFirst()
                .orElseGet(() -> leastRisky(inLine, now));
        if (target == null) {
            target = anyClean != null ? anyClean : leastRisky(later, now);
        }
        Set<String> remaining = target == null ? now : target.affecting();
        Set<String> left = new TreeSet<>(now);
        left.retainAll(remaining);
        return new Choice(target == null ? null : target.text(), anyClean == null ? null : anyClean.text(), remaining,
                reasons(left, target, later));
    }

    /** The candidate that removes some of {@code now}, adds nothing, and leaves the least weight; the lowest on ties. */
    private Candidate leastRisky(List<Candidate> candidates, Set<String> now) {
        return candidates.stream()
                .filter(c -> now.containsAll(c.affecting()) && c.affecting().size() < now.size())
                .min(Comparator.comparingDouble((Candidate c) -> weight(c.affecting()))
                        .thenComparing(Candidate::version))
                .orElse(null);
    }

    private double weight(Set<String> ids) {
        return ids.stream().mapToDouble(id -> advisories.get(id).weight()).sum();
    }

    private Map<String, NoFixReason> reasons(Set<String> left, Candidate target, List<Candidate> later) {
        Map<String, NoFixReason> reasons = new TreeMap<>();
        for (String id : left) {
            List<Candidate> fixers = later.stream().filter(c -> !c.affecting().contains(id)).toList();
            if (!fixers.isEmpty()) {
                reasons.put(id, target != null && fixers.stream().anyMatch(c -> !c.line().equals(target.line()))
                        ? NoFixReason.FIXED_IN_ANOTHER_MAJOR : NoFixReason.EVERY_FIX_STILL_AFFECTED);
            } else {
                reasons.put(id, endsAtLastAffected(advisories.get(id)) ? NoFixReason.NO_LATER_VERSION_KNOWN
                        : NoFixReason.NO_FIX_RELEASED);
            }
        }
        return reasons;
    }

    private static boolean endsAtLastAffected(Advisory a) {
        return a.entries().stream().flatMap(e -> e.ranges().stream()).flatMap(r -> r.events().stream())
                .anyMatch(e -> e.lastAffected() != null);
    }

    private java.util.Optional<Version> parse(String text) {
        try {
            return java.util.Optional.of(scheme.parse(text));
        } catch (InvalidVersionException e) {
            return java.util.Optional.empty();
        }
    }
}
