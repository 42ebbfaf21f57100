package io.supplygraph.model;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A package version's identity: a purl normalised per the purl specification (packageurl-java applies the
 * per-type rules: lower-cased names for npm, pypi, github, ...; sorted qualifiers), split into the package
 * (type, namespace, name) and the version part. Components without a purl get a synthetic generic purl from
 * their name and version, so they stay countable and queryable by name; {@link #synthetic()} says so.
 *
 * @param purl      the canonical purl, version, qualifiers and subpath included
 * @param base      the canonical purl of the package: type, namespace and name only
 * @param type      the purl type
 * @param namespace null when the purl has none
 * @param name      the package name
 * @param version   null when the purl has none
 * @param synthetic true when made up from a name and version because the document gave no valid purl
 */
public record PackageIdentity(
        String purl, String base, String type, String namespace, String name, String version, boolean synthetic) {

    /**
     * Purls seen recently, as written, and their identities. Portfolios repeat the same purls thousands of times
     * (every SBOM lists log4j), and packageurl-java's parse-and-canonicalise is the most expensive step of
     * assembling a document after JSON parsing; a profile of a 200-SBOM ingest showed it among the top costs.
     * Cleared when full rather than evicted one by one: simple, and a miss only costs the parse it would anyway.
     */
    private static final int CACHE_LIMIT = 100_000;

    private static final Map<String, PackageIdentity> CACHE = new ConcurrentHashMap<>();

    /** Parses and normalises a purl; a purl the specification rejects is an {@link InvalidPurlException}. */
    public static PackageIdentity fromPurl(String purl) throws InvalidPurlException {
        PackageIdentity cached = CACHE.get(purl);
        if (cached != null) {
            return cached;
        }
        PackageIdentity identity = parse(purl);
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(purl, identity);
        return identity;
    }

    private static PackageIdentity parse(String purl) throws InvalidPurlException {
        PackageURL parsed;
        try {
            parsed = new PackageURL(purl.trim());
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new InvalidPurlException(purl, e.getMessage());
        }
        return of(parsed, false);
    }

    /** The identity of a component that has no (valid) purl: {@code pkg:generic/NAME@VERSION}. */
    public static PackageIdentity synthetic(String name, String version) {
        String n = name == null || name.isBlank() ? "unnamed" : name.strip();
        String v = version == null || version.isBlank() ? null : version.strip();
        try {
            return of(new PackageURL("generic", null, n, v, null, null), true);
        } catch (MalformedPackageURLException e) {
            // A generic purl accepts any name and version once percent-encoded; reaching here is a library bug.
            throw new IllegalStateException("cannot build a generic purl for " + n + "@" + v, e);
        }
    }

    private static PackageIdentity of(PackageURL p, boolean synthetic) {
        String base;
        try {
            base = new PackageURL(p.getType(), p.getNamespace(), p.getName(), null, null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException("a valid purl's own name no longer parses: " + p, e);
        }
        return new PackageIdentity(
                p.canonicalize(), base, p.getType(), p.getNamespace(), p.getName(), p.getVersion(), synthetic);
    }

    /** The same package at another version (qualifiers and subpath dropped), as a canonical purl. */
    public String purlAt(String otherVersion) {
        return otherVersion == null ? base : base + "@" + encodeVersion(otherVersion);
    }

    private static String encodeVersion(String version) {
        try {
            String canonical = new PackageURL("generic", null, "x", version, null, null).canonicalize();
            return canonical.substring(canonical.indexOf('@') + 1);
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Qualifiers of a canonical purl, in order; empty when there are none. */
    public Map<String, String> qualifiers() {
        try {
            Map<String, String> q = new PackageURL(purl).getQualifiers();
            return q == null ? Map.of() : new TreeMap<>(q);
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException("a stored canonical purl no longer parses: " + purl, e);
        }
    }

    /** True when {@code text} looks like a purl rather than a digest or a free name. */
    public static boolean looksLikePurl(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("pkg:");
    }
}
