package io.supplygraph.bench.vulns;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.PackageUsage;
import io.supplygraph.ingest.osv.PackageKeys;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.ecosystem.EcosystemName;
import io.supplygraph.model.version.InvalidVersionException;
import io.supplygraph.model.version.VersionScheme;
import io.supplygraph.model.version.VersionSchemes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * OSV advisories drawn from a graph's own packages (seeded), so that its portfolio has findings: each names one
 * package with at least two versions, introduced 0 and fixed at one of its versions (one in ten ends at
 * last_affected instead, one in twenty has no fix), CVSS-rated, with a CVE alias {@code CVE-2090-<100000 + i>}.
 * Written as a zip laid out like an OSV export ({@code <Ecosystem>/<id>.json}).
 */
public final class SeededAdvisories {

    /** Told of each advisory's CVE as it is written, with the generator's random: a caller's KEV and EPSS data. */
    public interface PerAdvisory {
        void written(int index, String cve, SplittableRandom random);
    }

    /** What was written: how many advisories, over how many packages, of which so many have two versions or more. */
    public record Written(int advisories, int packages, int packagesWithTwoVersions) {}

    private static final String[] VECTORS = {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N", "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"};

    private SeededAdvisories() {}

    /**
     * Writes {@code count} advisories to {@code zip}; {@code each} hears of every one, after it (the same seed then
     * gives the same advisories and the same calls).
     */
    public static Written write(Supplygraph graph, int count, long seed, Path zip, PerAdvisory each)
            throws IOException {
        Map<String, List<String>> versions = new LinkedHashMap<>();
        Map<String, String> keyOf = new LinkedHashMap<>();
        for (PackageUsage u : graph.packages("")) {
            if (u.synthetic() || u.version() == null) {
                continue;
            }
            try {
                PackageIdentity p = PackageIdentity.fromPurl(u.purl());
                List<PackageKeys.VersionKey> keys = PackageKeys.of(p);
                if (!keys.isEmpty()) {
                    keyOf.putIfAbsent(p.base(), keys.get(0).key());
                    versions.computeIfAbsent(p.base(), b -> new ArrayList<>()).add(keys.get(0).version());
                }
            } catch (InvalidPurlException e) {
                // a purl the store kept as written: not one advisories can name
            }
        }
        List<String> bases = versions.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey)
                .toList();
        SplittableRandom random = new SplittableRandom(seed);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < count; i++) {
                String base = bases.get(random.nextInt(bases.size()));
                String[] key = keyOf.get(base).split("\\|", 2);
                List<String> sorted = sorted(key[0], versions.get(base));
                int kind = sorted.size() < 2 ? 0 : random.nextInt(20);
                String bound = sorted.size() < 2 ? null : sorted.get(1 + random.nextInt(sorted.size() - 1));
                String events = kind == 0 ? "{\"introduced\":\"0\"}"
                        : kind < 3 ? "{\"introduced\":\"0\"},{\"last_affected\":\"" + sorted.get(0) + "\"}"
                        : "{\"introduced\":\"0\"},{\"fixed\":\"" + bound + "\"}";
                String id = "FIXBENCH-" + i;
                String cve = "CVE-2090-" + (100000 + i);
                String record = """
                        {"schema_version":"1.6.0","id":"%s","modified":"2026-01-01T00:00:00Z","aliases":["%s"],
                         "severity":[{"type":"CVSS_V3","score":"%s"}],
                         "affected":[{"package":{"ecosystem":"%s","name":"%s"},
                           "ranges":[{"type":"%s","events":[%s]}]}]}
                        """.formatted(id, cve, VECTORS[random.nextInt(VECTORS.length)], key[0], key[1],
                        key[0].equals("Go") ? "SEMVER" : "ECOSYSTEM", events);
                out.putNextEntry(new ZipEntry(key[0] + "/" + id + ".json"));
                out.write(record.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                each.written(i, cve, random);
            }
        }
        return new Written(count, versions.size(), bases.size());
    }

    /** A package's versions in its ecosystem's order, those its scheme cannot parse left out. */
    private static List<String> sorted(String ecosystem, List<String> versions) {
        VersionScheme scheme = EcosystemName.parseOsv(ecosystem).map(e -> VersionSchemes.forEcosystem(e.ecosystem()))
                .orElse(VersionSchemes.GENERIC);
        List<String> parsable = new ArrayList<>(versions.stream().distinct().filter(scheme::isValid).toList());
        parsable.sort((a, b) -> {
            try {
                return scheme.compare(a, b);
            } catch (InvalidVersionException e) {
                throw new IllegalStateException(e);
            }
        });
        return parsable.isEmpty() ? versions : parsable;
    }
}
