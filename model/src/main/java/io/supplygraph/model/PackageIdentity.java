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
 * <p>Only the canonical purl is kept: the base, type, namespace, name and version are read out of it when asked
 * for, since the purl spells them in that order. A million-component SBOM holds a million identities, and five
 * more strings each were 250 MB of its 400 MB. A purl that percent-escapes a part (an npm scope's {@code @}, a
 * version's {@code +}, any non-ASCII character) keeps its decoded parts as separate strings.
 */
public final class PackageIdentity {

    /**
     * Purls seen recently, as written, and their identities. Portfolios repeat the same purls thousands of times
     * (every SBOM lists log4j), and packageurl-java's parse-and-canonicalise is the most expensive step of
     * assembling a document after JSON parsing; a profile of a 200-SBOM ingest showed it among the top costs.
     * Cleared when full rather than evicted one by one: simple, and a miss only costs the parse it would anyway.
     */
    private static final int CACHE_LIMIT = 100_000;

    private static final Map<String, PackageIdentity> CACHE = new ConcurrentHashMap<>();
    private static final String SCHEME = "pkg:";

    /** The parts of a purl that escapes some of them, as packageurl-java decoded them. */
    private record Parts(String type, String namespace, String name, String version) {}

    private final String purl;
    private final int baseLength;
    private final boolean synthetic;
    /** Null when every part reads plainly out of {@link #purl}, which is the common case. */
    private final Parts escaped;

    private PackageIdentity(String purl, int baseLength, boolean synthetic, Parts escaped) {
        this.purl = purl;
        this.baseLength = baseLength;
        this.synthetic = synthetic;
        this.escaped = escaped;
    }

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
        return of(PurlParts.parse(withEncodedScopes(purl.trim())), false);
    }

    /**
     * {@code pkg:npm/@scope/name}, as most tools write it, with the scope's {@code @} encoded as the specification
     * asks ({@code %40scope}). An {@code @} that starts a path segment cannot separate a version (a name comes
     * first), yet packageurl-java takes the last {@code @} for that separator and would read {@code scope/name} as
     * the version.
     */
    static String withEncodedScopes(String purl) {
        int end = purl.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = purl.indexOf(stop);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        String path = purl.substring(0, end);
        return path.contains("/@") ? path.replace("/@", "/%40") + purl.substring(end) : purl;
    }

    /** The identity of a component that has no (valid) purl: {@code pkg:generic/NAME@VERSION}. */
    public static PackageIdentity synthetic(String name, String version) {
        String n = name == null || name.isBlank() ? "unnamed" : name.strip();
        String v = version == null || version.isBlank() ? null : version.strip();
        // A generic purl takes any name and version once percent-encoded, and has no per-type rules to apply.
        return of(new PurlParts("generic", null, n, v, new TreeMap<>(), null), true);
    }

    private static PackageIdentity of(PurlParts p, boolean synthetic) {
        String base = p.base();
        String purl = p.canonical();
        PackageIdentity plain = new PackageIdentity(purl, base.length(), synthetic, null);
        Parts parts = new Parts(p.type(), Nul.escape(p.namespace()), Nul.escape(p.name()), Nul.escape(p.version()));
        boolean readsPlainly = parts.equals(new Parts(plain.type(), plain.namespace(), plain.name(), plain.version()));
        return readsPlainly ? plain : new PackageIdentity(purl, base.length(), synthetic, parts);
    }

    /** The identity of the package itself: its base purl, no version. */
    public PackageIdentity withoutVersion() {
        if (version() == null) {
            return this;
        }
        Parts parts = escaped == null ? null : new Parts(escaped.type(), escaped.namespace(), escaped.name(), null);
        return new PackageIdentity(base(), baseLength, synthetic, parts);
    }

    /** The canonical purl, version, qualifiers and subpath included. */
    public String purl() {
        return purl;
    }

    /** The canonical purl of the package: type, namespace and name only. */
    public String base() {
        return purl.substring(0, baseLength);
    }

    /** The purl type. */
    public String type() {
        return escaped != null ? escaped.type() : purl.substring(SCHEME.length(), typeEnd());
    }

    /** Null when the purl has none. */
    public String namespace() {
        if (escaped != null) {
            return escaped.namespace();
        }
        int slash = purl.lastIndexOf('/', baseLength - 1);
        return slash == typeEnd() ? null : purl.substring(typeEnd() + 1, slash);
    }

    /** The package name. */
    public String name() {
        return escaped != null ? escaped.name() : purl.substring(purl.lastIndexOf('/', baseLength - 1) + 1, baseLength);
    }

    /** Null when the purl has none. */
    public String version() {
        if (escaped != null) {
            return escaped.version();
        }
        if (baseLength == purl.length() || purl.charAt(baseLength) != '@') {
            return null;
        }
        int end = baseLength + 1;
        while (end < purl.length() && purl.charAt(end) != '?' && purl.charAt(end) != '#') {
            end++;
        }
        return purl.substring(baseLength + 1, end);
    }

    /** True when made up from a name and version because the document gave no valid purl. */
    public boolean synthetic() {
        return synthetic;
    }

    /** Whether this identity holds its parts as strings of their own: only an escaping purl should. */
    boolean holdsPartsApart() {
        return escaped != null;
    }

    private int typeEnd() {
        return purl.indexOf('/', SCHEME.length());
    }

    /** The same package at another version (qualifiers and subpath dropped), as a canonical purl. */
    public String purlAt(String otherVersion) {
        return otherVersion == null ? base() : base() + "@" + PercentEncoding.encode(otherVersion);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof PackageIdentity other && purl.equals(other.purl) && synthetic == other.synthetic;
    }

    @Override
    public int hashCode() {
        return purl.hashCode() * 31 + Boolean.hashCode(synthetic);
    }

    @Override
    public String toString() {
        return "PackageIdentity[purl=" + purl + ", base=" + base() + ", type=" + type() + ", namespace=" + namespace()
                + ", name=" + name() + ", version=" + version() + ", synthetic=" + synthetic + "]";
    }
}
