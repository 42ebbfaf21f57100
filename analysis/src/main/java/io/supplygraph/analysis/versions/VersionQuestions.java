package io.supplygraph.analysis.versions;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.supplygraph.analysis.NotFoundException;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvRangeEvaluator;
import io.supplygraph.model.osv.OsvRecord;
import io.supplygraph.model.osv.OsvVerdict;
import io.supplygraph.model.osv.OsvVerdict.Verdict;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Questions about versions that need no graph: how two versions of an ecosystem compare, and whether an OSV record
 * affects a version. {@code supplygraph versions} and {@code /api/v1/versions} both ask them here.
 */
public final class VersionQuestions {

    /** {@code versions compare}: {@code <}, {@code =} or {@code >}. */
    @JsonPropertyOrder({"ecosystem", "a", "b", "comparison"})
    public record Comparison(String ecosystem, String a, String b, String comparison) {}

    /** {@code versions affected --json}: the verdict and the range or version list that decided it. */
    @JsonPropertyOrder({"id", "version", "verdict", "decidedBy"})
    public record Affected(String id, String version, String verdict,
            @JsonProperty("decidedBy") String decidedBy) {}

    /** {@code versions ecosystems}: an ecosystem, its purl type (with namespace) and its version scheme. */
    @JsonPropertyOrder({"osv_name", "purl", "scheme"})
    public record EcosystemScheme(@JsonProperty("osv_name") String osvName, String purl, String scheme) {}

    private VersionQuestions() {}

    /** The scheme of an OSV ecosystem name or purl type, in any case. */
    public static VersionScheme scheme(String ecosystem) {
        return VersionSchemes.forName(ecosystem).orElseThrow(() -> unknown(ecosystem));
    }

    /** @throws io.supplygraph.model.version.InvalidVersionException when a version does not parse in the scheme */
    public static Comparison compare(String ecosystem, String a, String b) {
        return new Comparison(ecosystem, a, b, symbol(scheme(ecosystem).compare(a, b)));
    }

    public static String symbol(int comparison) {
        return comparison < 0 ? "<" : comparison > 0 ? ">" : "=";
    }

    /**
     * Whether {@code record} affects {@code version} of {@code ecosystem} (optionally only its entries for
     * {@code packageName}). Affected by any entry wins; otherwise an entry that cannot decide makes the answer
     * unknown.
     *
     * @throws NotFoundException when the record has no entry for the ecosystem (and package)
     */
    public static Affected affected(String ecosystem, OsvRecord record, String version, String packageName) {
        Ecosystem wanted = Ecosystem.fromOsvName(ecosystem).or(() -> Ecosystem.fromPurlType(ecosystem, null))
                .orElseThrow(() -> unknown(ecosystem));
        List<OsvAffected> entries = record.affected().stream()
                .filter(a -> a.pkg() != null && a.pkg().ecosystem() != null)
                .filter(a -> Ecosystem.fromOsvName(a.pkg().ecosystem()).equals(Optional.of(wanted)))
                .filter(a -> packageName == null || packageName.equals(a.pkg().name()))
                .toList();
        if (entries.isEmpty()) {
            throw new NotFoundException(record.id() + " has no affected entry for " + wanted.osvName()
                    + (packageName == null ? "" : " package " + packageName));
        }
        OsvVerdict verdict = decide(entries, version);
        return new Affected(record.id(), version,
                verdict.verdict().name().toLowerCase(Locale.ROOT).replace('_', ' '), verdict.decidedBy());
    }

    public static List<EcosystemScheme> ecosystems() {
        return java.util.Arrays.stream(Ecosystem.values())
                .map(e -> new EcosystemScheme(e.osvName(),
                        e.purlType().map(t -> t + e.purlNamespace().map(ns -> "/" + ns).orElse("")).orElse(null),
                        VersionSchemes.forEcosystem(e).name()))
                .toList();
    }

    private static OsvVerdict decide(List<OsvAffected> entries, String version) {
        OsvVerdict unknown = null;
        OsvVerdict notAffected = null;
        for (OsvAffected a : entries) {
            OsvVerdict v = OsvRangeEvaluator.forAffected(a).evaluate(a, version);
            OsvVerdict named = new OsvVerdict(v.verdict(), a.pkg().name() + " " + a.pkg().ecosystem() + ": "
                    + v.decidedBy());
            if (v.verdict() == Verdict.AFFECTED) {
                return named;
            }
            if (v.verdict() == Verdict.UNKNOWN && unknown == null) {
                unknown = named;
            } else if (notAffected == null) {
                notAffected = named;
            }
        }
        return unknown != null ? unknown : notAffected;
    }

    private static IllegalArgumentException unknown(String ecosystem) {
        return new IllegalArgumentException("unknown ecosystem '" + ecosystem
                + "' (see 'supplygraph versions ecosystems')");
    }
}
