package io.supplygraph.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A package version's identity: a purl normalised per the purl specification (packageurl-java applies the
 * per-type rules: lower-cased names for npm, pypi, github, ...; sorted qualifiers; {@link PurlParts} percent-encodes
 * non-ASCII text as UTF-8, which packageurl-java 1.5.0 gets wrong), split into the package (type, namespace, name)
 * and the version part. Components without a purl get a synthetic generic purl from their name and version, so they
 * stay countable and queryable by name; {@link #synthetic()} says so.
 *
 * <p>The decoded parts (namespace, name, version) are stored and looked up as text, so a NUL in them is held as
 * ␀ ({@link Nul}), the same on every store; the purl keeps it exactly, as {@code %00}.
 *
 * @param purl      the canonical purl, version, qualifiers and subpath included; ASCII only
 * @param base      the canonical purl of the package: type, namespace and name only
 * @param type      the purl type
 * @param namespace null when the purl has none
 * @param name      the package name, decoded ({@code 💩-pkg} for {@code %F0%9F%92%A9-pkg})
 * @param version   null when the purl has none
 * @param synthetic true when made up from a name and version because the document gave no valid purl
 */
public record PackageIdentity(
        String purl, String base, String type, String namespace, String name, String version, boolean synthetic) {

    /** Holds no NUL in any text, however it was made; {@code fromPurl} and {@code synthetic} make ASCII purls. */
    public PackageIdentity {
        purl = Nul.escape(purl);
        base = Nul.escape(base);
        namespace = Nul.escape(namespace);
        name = Nul.escape(name);
        version = Nul.escape(version);
    }

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
        return of(PurlParts.parse(purl.trim()), false);
    }

    /** The identity of a component that has no (valid) purl: {@code pkg:generic/NAME@VERSION}. */
    public static PackageIdentity synthetic(String name, String version) {
        String n = name == null || name.isBlank() ? "unnamed" : name.strip();
        String v = version == null || version.isBlank() ? null : version.strip();
        // A generic purl takes any name and version once percent-encoded, and has no per-type rules to apply.
        return of(new PurlParts("generic", null, n, v, new TreeMap<>(), null), true);
    }

    private static PackageIdentity of(PurlParts p, boolean synthetic) {
        return new PackageIdentity(
                p.canonical(), p.base(), p.type(), p.namespace(), p.name(), p.version(), synthetic);
    }

    /** The same package at another version (qualifiers and subpath dropped), as a canonical purl. */
    public String purlAt(String otherVersion) {
        return otherVersion == null ? base : base + "@" + PercentEncoding.encode(otherVersion);
    }

    /** Qualifiers of a canonical purl, decoded, in order; empty when there are none. */
    public Map<String, String> qualifiers() {
        try {
            return PurlParts.parse(purl).qualifiers();
        } catch (InvalidPurlException e) {
            throw new IllegalStateException("a stored canonical purl no longer parses: " + purl, e);
        }
    }

    /** True when {@code text} looks like a purl rather than a digest or a free name. */
    public static boolean looksLikePurl(String text) {
        return text.toLowerCase(Locale.ROOT).startsWith("pkg:");
    }
}
