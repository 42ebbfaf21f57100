package io.supplygraph.model;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.nio.charset.CharacterCodingException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A purl's components as the text they mean (decoded), and the canonical purl they spell. packageurl-java parses;
 * {@link PercentEncoding} gets the bytes right around it, which packageurl-java 1.5.0 does not.
 *
 * @param namespace  null when the purl has none; segments joined by {@code /}
 * @param version    null when the purl has none
 * @param qualifiers sorted by key; empty when there are none
 * @param subpath    null when the purl has none; segments joined by {@code /}
 */
record PurlParts(String type, String namespace, String name, String version, SortedMap<String, String> qualifiers,
        String subpath) {

    PurlParts {
        qualifiers = Collections.unmodifiableSortedMap(new TreeMap<>(qualifiers));
    }

    /** Parses a purl; whatever the purl specification rejects, or bytes that are not UTF-8, is invalid. */
    static PurlParts parse(String purl) throws InvalidPurlException {
        try {
            PackageURL p = new PackageURL(PercentEncoding.encodeNonAscii(purl));
            SortedMap<String, String> qualifiers = new TreeMap<>();
            Map<String, String> raw = p.getQualifiers();
            if (raw != null) {
                for (Map.Entry<String, String> q : raw.entrySet()) {
                    qualifiers.put(q.getKey(), PercentEncoding.decodeUtf8(q.getValue()));
                }
            }
            return new PurlParts(p.getType(), PercentEncoding.decodeUtf8(p.getNamespace()),
                    PercentEncoding.decodeUtf8(p.getName()), PercentEncoding.decodeUtf8(p.getVersion()), qualifiers,
                    PercentEncoding.decodeUtf8(p.getSubpath()));
        } catch (CharacterCodingException e) {
            throw new InvalidPurlException(purl, "its percent-encoded bytes are not UTF-8");
        } catch (MalformedPackageURLException | RuntimeException e) {
            throw new InvalidPurlException(purl, e.getMessage());
        }
    }

    /** The canonical purl: every component percent-encoded per the specification, qualifiers sorted. */
    String canonical() {
        StringBuilder purl = new StringBuilder(base());
        if (version != null) {
            purl.append('@').append(PercentEncoding.encode(version));
        }
        if (!qualifiers.isEmpty()) {
            StringJoiner pairs = new StringJoiner("&", "?", "");
            qualifiers.forEach((key, value) -> pairs.add(key + "=" + PercentEncoding.encode(value)));
            purl.append(pairs);
        }
        if (subpath != null) {
            purl.append('#').append(encodeSegments(subpath));
        }
        return purl.toString();
    }

    /** The canonical purl of the package: type, namespace and name only. */
    String base() {
        String prefix = "pkg:" + type + "/";
        String encodedName = PercentEncoding.encode(name);
        return namespace == null ? prefix + encodedName : prefix + encodeSegments(namespace) + "/" + encodedName;
    }

    private static String encodeSegments(String path) {
        StringJoiner segments = new StringJoiner("/");
        for (String segment : path.split("/")) {
            segments.add(PercentEncoding.encode(segment));
        }
        return segments.toString();
    }
}
