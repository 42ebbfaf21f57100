package io.supplygraph.analysis.remediation;

import io.supplygraph.analysis.view.Severity;
import io.supplygraph.analysis.vulns.RiskScore;
import io.supplygraph.analysis.vulns.StoredEntries;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.ingest.osv.PackageKeys.VersionKey;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.ecosystem.Ecosystem;
import io.supplygraph.model.ecosystem.EcosystemName;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.version.VersionSchemes;
import io.supplygraph.store.GraphStore;
import io.supplygraph.store.sql.AdvisorySql.AdvisoryRow;
import io.supplygraph.store.sql.AdvisorySql.AffectedRow;
import io.supplygraph.store.sql.PackageSql.VersionRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fixing versions for many package versions at once, with a few statements for all of them: every advisory entry
 * under their match keys, those advisories, and every version of their packages the graph holds. Versions of one
 * package (in one distribution release) share one {@link FixingVersions}, so each candidate is evaluated once.
 */
final class PackageFixes {

    /**
     * The fixing choice for one package version.
     *
     * @param packagePurl the package's purl without version
     * @param current     the version as its purl spells it
     */
    record Fix(String packagePurl, String current, FixingVersions.Choice choice, Map<String, Boolean> commitOnly) {}

    /** A package version as remediation sees it: its identity, its match keys, the version its ranges evaluate. */
    private record Subject(PackageIdentity identity, List<VersionKey> keys, Ecosystem ecosystem) {
        String release() {
            return keys.get(0).release();
        }

        String version() {
            return keys.get(0).version();
        }
    }

    private PackageFixes() {}

    /** The fix of each purl that names a package some ecosystem's advisories can name; others are left out. */
    static Map<String, Fix> of(GraphStore store, Collection<String> purls) {
        Map<String, Subject> subjects = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>();
        Set<String> bases = new TreeSet<>();
        for (String purl : purls) {
            subject(purl).ifPresent(s -> {
                subjects.put(purl, s);
                s.keys().forEach(k -> keys.add(k.key()));
                bases.add(s.identity().base());
            });
        }
        if (subjects.isEmpty()) {
            return Map.of();
        }
        Map<String, List<AffectedRow>> entriesByKey = new HashMap<>();
        Set<Long> advisoryIds = new HashSet<>();
        for (AffectedRow row : store.advisories().affectedByKeys(keys)) {
            entriesByKey.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(row);
            advisoryIds.add(row.advisory());
        }
        Map<Long, AdvisoryRow> advisories = store.advisories().byIds(advisoryIds);
        Map<String, List<String>> versionsByBase = new HashMap<>();
        for (VersionRow v : store.packages().ofBases(bases)) {
            if (v.version() != null) {
                versionsByBase.computeIfAbsent(v.base(), b -> new ArrayList<>()).add(v.version());
            }
        }
        Map<String, Package> byPackage = new HashMap<>();
        Map<String, Fix> fixes = new LinkedHashMap<>();
        subjects.forEach((purl, s) -> {
            Package p = byPackage.computeIfAbsent(s.identity().base() + "|" + s.release(), k -> {
                List<AffectedRow> rows = new ArrayList<>();
                s.keys().forEach(key -> entriesByKey.getOrDefault(key.key(), List.of()).stream()
                        .filter(e -> PackageKeys.sameRelease(e.key(), e.release(), key.release())).forEach(rows::add));
                Map<AffectedRow, OsvAffected> entries = new LinkedHashMap<>();
                rows.forEach(r -> entries.put(r, StoredEntries.decidable(r)));
                return new Package(new FixingVersions(s.ecosystem(), VersionSchemes.forEcosystem(s.ecosystem()),
                        advisories(entries, advisories),
                        known(s, versionsByBase.getOrDefault(s.identity().base(), List.of()))),
                        commitOnly(entries, advisories));
            });
            FixingVersions.Choice choice = spelled(s, p.versions().choose(s.version()));
            fixes.put(purl, new Fix(s.identity().base(), s.identity().version(), choice, p.commitOnly()));
        });
        return fixes;
    }

    /**
     * What every version of one package (in one distribution release) shares: its fixing versions, and which of its
     * advisories only commit ranges bound. Built once per package, however many of its versions are asked about.
     */
    private record Package(FixingVersions versions, Map<String, Boolean> commitOnly) {}

    private static java.util.Optional<Subject> subject(String purl) {
        try {
            PackageIdentity identity = PackageIdentity.fromPurl(purl);
            List<VersionKey> keys = PackageKeys.of(identity);
            if (keys.isEmpty()) {
                return java.util.Optional.empty();
            }
            Ecosystem ecosystem = EcosystemName.fromPurl(identity.type(), identity.namespace(), null)
                    .map(EcosystemName::ecosystem).orElseThrow();
            return java.util.Optional.of(new Subject(identity, keys, ecosystem));
        } catch (InvalidPurlException e) {
            return java.util.Optional.empty();
        }
    }

    /** The advisories of these entries, each with its entries (read as matching reads them); withdrawn ones left out. */
    private static List<FixingVersions.Advisory> advisories(Map<AffectedRow, OsvAffected> rows,
            Map<Long, AdvisoryRow> advisories) {
        Map<Long, List<OsvAffected>> entries = new LinkedHashMap<>();
        rows.forEach((r, entry) -> entries.computeIfAbsent(r.advisory(), a -> new ArrayList<>()).add(entry));
        List<FixingVersions.Advisory> list = new ArrayList<>();
        entries.forEach((id, e) -> {
            AdvisoryRow a = advisories.get(id);
            if (a != null && a.withdrawn() == null) {
                list.add(new FixingVersions.Advisory(a.osvId(),
                        RiskScore.of(Severity.fromLabel(a.rating()), a.score(), null, null), e));
            }
        });
        return list;
    }

    /** Per advisory id: true when only commit ranges bound its entries for this package. */
    private static Map<String, Boolean> commitOnly(Map<AffectedRow, OsvAffected> rows,
            Map<Long, AdvisoryRow> advisories) {
        Map<String, Boolean> commitOnly = new HashMap<>();
        rows.forEach((r, entry) -> {
            AdvisoryRow a = advisories.get(r.advisory());
            if (a != null) {
                commitOnly.merge(a.osvId(), StoredEntries.commitOnly(entry), Boolean::logicalAnd);
            }
        });
        return commitOnly;
    }

    /** The graph's versions of the package, spelled as its ranges are evaluated (Go's without the leading v). */
    private static List<String> known(Subject s, List<String> versions) {
        return versions.stream().map(v -> goVersion(s) ? strip(v) : v).toList();
    }

    /** Targets spelled as the package's purls spell versions: Go module versions with their leading v. */
    private static FixingVersions.Choice spelled(Subject s, FixingVersions.Choice c) {
        if (!goVersion(s)) {
            return c;
        }
        return new FixingVersions.Choice(c.target() == null ? null : "v" + c.target(),
                c.targetAnyMajor() == null ? null : "v" + c.targetAnyMajor(), c.remaining(), c.unfixed());
    }

    private static boolean goVersion(Subject s) {
        return s.ecosystem() == Ecosystem.GO && s.identity().version().startsWith("v");
    }

    private static String strip(String version) {
        return version.startsWith("v") ? version.substring(1) : version;
    }
}
