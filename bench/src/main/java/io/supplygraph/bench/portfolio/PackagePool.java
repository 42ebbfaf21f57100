package io.supplygraph.bench.portfolio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The packages a synthetic portfolio's SBOMs are made of, per ecosystem, with the popularity of a real one:
 * the package at rank r is picked with weight 1/(r+1), a Zipf law, so a few packages (log4j, lodash) are in
 * most SBOMs while the long tail is in one or two. Every package has a few versions; newer ones are picked
 * more often, so a popular package appears across the portfolio at several versions.
 */
public final class PackagePool {

    /** How likely a pick moves one version further from the newest: about half of all picks take the newest. */
    private static final double OLDER_VERSION = 0.45;
    private static final String[] LICENCES = {
        "Apache-2.0", "MIT", "BSD-3-Clause", "MIT", "ISC", "Apache-2.0", "BSD-2-Clause", "EPL-2.0", "MPL-2.0",
        "LGPL-2.1-only", "GPL-2.0-only WITH Classpath-exception-2.0", "MIT OR Apache-2.0", null};

    /**
     * One package of the pool, fixed by its ecosystem and rank. The strings every SBOM writes for a package
     * version (purl, digest) are made once, on first use, and shared by every SBOM and thread: they are
     * immutable, so a racing second computation only repeats work.
     *
     * @param group    the CycloneDX group (Maven group id, npm scope, Go module path without its last element)
     * @param versions oldest first
     * @param licence  an SPDX licence id or expression, or null when the package declares none
     * @param hashed   whether SBOMs list a SHA-256 for it (a real scanner hashes some ecosystems' files, not all)
     */
    public record Package(Ecosystem ecosystem, int rank, String coordinates, String group, String name,
            String[] versions, String licence, boolean hashed, String description, String vcs,
            String[] purls, String[] digests) {

        Package(Ecosystem ecosystem, int rank, String coordinates, String group, String name, String[] versions,
                String licence, boolean hashed) {
            this(ecosystem, rank, coordinates, group, name, versions, licence, hashed,
                    "The " + name + " " + ecosystem.name().toLowerCase(Locale.ROOT)
                            + " package: utilities and bindings for " + coordinates + ".",
                    "https://github.com/" + (group == null ? "pypa" : group.replace("@", "").replace('.', '-')
                            .replace('/', '-')) + "/" + name,
                    new String[versions.length], new String[versions.length]);
        }

        public String purl(int version) {
            String purl = purls[version];
            if (purl == null) {
                purl = ecosystem.purl(coordinates, versions[version]);
                purls[version] = purl;
            }
            return purl;
        }

        /**
         * A stand-in for the artifact's SHA-256: the hash of its purl, so the same package version has the same
         * digest in every SBOM that lists it, as a real artifact would.
         */
        public String sha256(int version) {
            String digest = digests[version];
            if (digest == null) {
                digest = HexFormat.of().formatHex(sha256().digest(purl(version).getBytes(StandardCharsets.UTF_8)));
                digests[version] = digest;
            }
            return digest;
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    private final int perEcosystem;
    private final Map<Ecosystem, Package[]> packages = new EnumMap<>(Ecosystem.class);
    /** Cumulative Zipf weights by rank, shared by every ecosystem (they have the same size). */
    private final double[] cumulative;

    /** @param perEcosystem packages in each ecosystem; an SBOM can hold at most this many of one ecosystem */
    public PackagePool(int perEcosystem) {
        this.perEcosystem = perEcosystem;
        cumulative = new double[perEcosystem];
        double sum = 0;
        for (int r = 0; r < perEcosystem; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (Ecosystem e : Ecosystem.values()) {
            Package[] ranked = new Package[perEcosystem];
            for (int r = 0; r < perEcosystem; r++) {
                ranked[r] = create(e, r);
            }
            packages.put(e, ranked);
        }
    }

    int perEcosystem() {
        return perEcosystem;
    }

    Package get(Ecosystem ecosystem, int rank) {
        return packages.get(ecosystem)[rank];
    }

    /**
     * A rank by popularity that {@code taken} does not hold yet, then marked taken. Rejection keeps the Zipf
     * shape while the head is free; once a few draws in a row hit taken ranks, the nearest free rank above a
     * random one is taken instead, so drawing stays fast even when an SBOM holds most of the pool.
     */
    int drawRank(SplittableRandom random, BitSet taken) {
        for (int attempt = 0; attempt < 8; attempt++) {
            int rank = zipf(random);
            if (!taken.get(rank)) {
                taken.set(rank);
                return rank;
            }
        }
        int rank = taken.nextClearBit(random.nextInt(perEcosystem));
        if (rank >= perEcosystem) {
            rank = taken.nextClearBit(0);
        }
        if (rank >= perEcosystem) {
            throw new IllegalStateException("an SBOM asked for more packages than the pool holds");
        }
        taken.set(rank);
        return rank;
    }

    /** A version index, newest most likely. */
    static int drawVersion(SplittableRandom random, Package p) {
        int older = 0;
        while (older < p.versions().length - 1 && random.nextDouble() < OLDER_VERSION) {
            older++;
        }
        return p.versions().length - 1 - older;
    }

    private int zipf(SplittableRandom random) {
        double target = random.nextDouble() * cumulative[perEcosystem - 1];
        int at = Arrays.binarySearch(cumulative, target);
        return Math.min(perEcosystem - 1, at >= 0 ? at : -at - 1);
    }

    private static Package create(Ecosystem e, int rank) {
        // A package's traits derive from a hash of its identity, so they are the same in every SBOM and every run.
        int h = mix(e.ordinal() * 1_000_003 + rank);
        String coordinates = e.coordinates(rank);
        int slash = coordinates.lastIndexOf('/');
        String group = slash < 0 ? null : coordinates.substring(0, slash);
        String name = coordinates.substring(slash + 1);
        String[] versions = new String[2 + (h & 7) % 7];
        int major = (h >>> 3) % 4;
        int minor = (h >>> 6) % 12;
        for (int v = 0; v < versions.length; v++) {
            versions[v] = e.version(major + v / 3, minor + v % 3, (h >>> 10) % 9 + v);
        }
        String licence = LICENCES[(h >>> 14) % LICENCES.length];
        boolean hashed = (h >>> 18) % 5 < 2;
        return new Package(e, rank, coordinates, group, name, versions, licence, hashed);
    }

    /** A non-negative integer hash with good bit spread (the finaliser of MurmurHash3). */
    private static int mix(int x) {
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x & Integer.MAX_VALUE;
    }
}
