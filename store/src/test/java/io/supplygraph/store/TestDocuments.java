package io.supplygraph.store;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.Digest;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.SourceRepository;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.AdvisoryFacts;
import io.supplygraph.model.fact.AttestationFacts;
import io.supplygraph.model.fact.Facts;
import io.supplygraph.model.fact.ProvenanceFacts;
import io.supplygraph.model.fact.SbomFacts;
import io.supplygraph.model.fact.ScorecardFacts;
import io.supplygraph.model.fact.VexFacts;
import io.supplygraph.model.osv.OsvAffected;
import io.supplygraph.model.osv.OsvEvent;
import io.supplygraph.model.osv.OsvPackage;
import io.supplygraph.model.osv.OsvRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Documents made in code, for store tests that need facts but no parser: SBOMs, VEX, Scorecard results, SLSA
 * provenance and OSV advisories. Each document's digest is its name's.
 */
public final class TestDocuments {

    private TestDocuments() {}

    /** An SBOM of {@code subject} listing {@code components} as its direct dependencies. */
    public static DocumentRecord sbom(String name, String subject, List<String> components) {
        Sbom sbom = sbomOf(name, subject);
        components.forEach(c -> sbom.dependsOn(subject, c));
        return sbom.record();
    }

    /** An SBOM of {@code subject} built edge by edge; each package's shortest path from the subject is worked out. */
    public static Sbom sbomOf(String name, String subject) {
        return new Sbom(name, subject);
    }

    /** An SBOM under construction. Packages are listed in the order they are first named, the subject first. */
    public static final class Sbom {
        private final String name;
        private final List<PackageIdentity> packages = new ArrayList<>();
        private final Map<String, Integer> positions = new HashMap<>();
        private final List<SbomFacts.Edge> edges = new ArrayList<>();
        private final List<SbomFacts.Occurrence> occurrences = new ArrayList<>();
        private final List<SbomFacts.SourceOf> sources = new ArrayList<>();
        private final List<SbomFacts.Licence> licences = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        private Sbom(String name, String subject) {
            this.name = name;
            position(subject);
        }

        public Sbom dependsOn(String from, String to) {
            edges.add(new SbomFacts.Edge(position(from), position(to), EdgeKind.DEPENDS_ON));
            return this;
        }

        /** The package's artifact has this digest ({@code sha256:<hex>}). */
        public Sbom artifact(String purl, String digest) {
            occurrences.add(new SbomFacts.Occurrence(position(purl), Digest.parse(digest)));
            return this;
        }

        public Sbom source(String purl, String url, String revision) {
            sources.add(new SbomFacts.SourceOf(position(purl), new SourceRepository(url, revision)));
            return this;
        }

        public Sbom licence(String purl, String declared, String concluded) {
            licences.add(new SbomFacts.Licence(position(purl), declared, concluded));
            return this;
        }

        public Sbom warning(String message) {
            warnings.add(message);
            return this;
        }

        public DocumentRecord record() {
            int n = packages.size();
            int[] parent = new int[n];
            int[] depth = new int[n];
            Arrays.fill(depth, -1);
            parent[0] = -1;
            depth[0] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(0));
            while (!queue.isEmpty()) {
                int from = queue.poll();
                for (SbomFacts.Edge e : edges) {
                    if (e.from() == from && depth[e.to()] < 0) {
                        depth[e.to()] = depth[from] + 1;
                        parent[e.to()] = from;
                        queue.add(e.to());
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (depth[i] < 0) {
                    throw new IllegalStateException(packages.get(i).purl() + " is not reachable from the subject");
                }
            }
            SbomFacts facts = new SbomFacts("1.6", name, n - 1, List.copyOf(packages), new int[] {0},
                    List.copyOf(edges), parent, depth, List.copyOf(occurrences), List.copyOf(licences), List.of(),
                    List.copyOf(sources), List.copyOf(warnings), null);
            return TestDocuments.record(name, DocumentFormat.CYCLONEDX_JSON, facts);
        }

        private int position(String purl) {
            return positions.computeIfAbsent(purl, p -> {
                packages.add(identity(p));
                return packages.size() - 1;
            });
        }
    }

    /** An OpenVEX document of these statements. */
    public static DocumentRecord vex(String name, List<VexFacts.Statement> statements) {
        return record(name, DocumentFormat.OPENVEX, new VexFacts("0.2.0", name, statements, List.of()));
    }

    /** A statement about a package version (or every version, for a purl without one), in no product's scope. */
    public static VexFacts.Statement statement(String vulnerability, List<String> aliases, String purl,
            VexFacts.Status status) {
        return new VexFacts.Statement(vulnerability, aliases, identity(purl), null, null, status, null, null, null,
                null);
    }

    /** An OpenSSF Scorecard result for a repository at a revision. */
    public static DocumentRecord scorecard(String name, String url, String revision, double score,
            List<ScorecardFacts.Check> checks) {
        return record(name, DocumentFormat.SCORECARD, new ScorecardFacts(new SourceRepository(url, revision),
                "2026-11-01", score, "v5.0.0", checks, List.of()));
    }

    /**
     * SLSA v1 provenance of one subject, named by {@code uri} (a purl, or null) and {@code digest} (or null), built
     * by {@code builder} from {@code source} at {@code revision}, consuming the given materials.
     */
    public static DocumentRecord provenance(String name, String uri, String digest, String builder, String source,
            String revision, List<ProvenanceFacts.Material> materials) {
        AttestationFacts.Subject subject = new AttestationFacts.Subject(name, uri,
                digest == null ? List.of() : List.of(Digest.parse(digest)));
        ProvenanceFacts provenance = new ProvenanceFacts("1", builder, "https://slsa.dev/github-actions/v1",
                "run-" + name, "2026-11-01T10:00:00Z", "2026-11-01T10:05:00Z", new SourceRepository(source, revision),
                materials, "{\"workflow\":\"release.yml\"}");
        return record(name, DocumentFormat.IN_TOTO_STATEMENT, new AttestationFacts("1",
                "https://slsa.dev/provenance/v1", List.of(subject), provenance, null, List.of()));
    }

    /**
     * An OSV record affecting the package under {@code key} (e.g. {@code npm lodash}) from {@code introduced} up to
     * {@code fixed}, with a high rating; the document's source is {@code ID@MODIFIED}, so that two versions of a
     * record are two documents.
     */
    public static DocumentRecord advisory(String id, List<String> aliases, String modified, String key,
            String introduced, String fixed) {
        String ecosystem = key.substring(0, key.indexOf(' '));
        String packageName = key.substring(key.indexOf(' ') + 1);
        OsvAffected entry = new OsvAffected(new OsvPackage(ecosystem, packageName, null),
                List.of(new OsvRange("SEMVER", null, List.of(OsvEvent.introduced(introduced), OsvEvent.fixed(fixed)))),
                List.of());
        AdvisoryFacts.Advisory advisory = new AdvisoryFacts.Advisory(id, aliases, modified, modified, null,
                "summary of " + id, AdvisoryFacts.Kind.ofId(id), new AdvisoryFacts.Severity("high", 7.5, "CVSS:3.1"),
                List.of(new AdvisoryFacts.Affected(key, null, entry)));
        return record(id + "@" + modified, DocumentFormat.OSV,
                new AdvisoryFacts("1.6.0", List.of(advisory), List.of()));
    }

    /** A CVE record rating its CVE {@code rating} (null: no CVSS), last updated at {@code updated}. */
    public static DocumentRecord cve(String id, String updated, String rating, Double score) {
        AdvisoryFacts.Severity severity = rating == null ? null
                : new AdvisoryFacts.Severity(rating, score, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        return record(id + "@" + updated, DocumentFormat.CVE_RECORD, new io.supplygraph.model.fact.CveFacts("5.1", id,
                "PUBLISHED", updated, severity, rating == null ? null : "cna", List.of()));
    }

    public static String digestOf(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentRecord record(String name, DocumentFormat format, Facts facts) {
        return new DocumentRecord(digestOf(name), format, name, 100, facts, Trust.UNSIGNED);
    }

    private static PackageIdentity identity(String purl) {
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(purl, e);
        }
    }
}
