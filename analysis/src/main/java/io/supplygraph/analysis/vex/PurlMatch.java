package io.supplygraph.analysis.vex;

import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import java.util.Map;

/**
 * Whether a purl a VEX statement names covers a package version: the same package, and the same version unless
 * the statement gives none (then every version); qualifiers count only when the statement has them, and then
 * each must be present with the same value (a statement on {@code ?arch=x86_64} is not about arm64 builds).
 */
final class PurlMatch {

    private PurlMatch() {}

    static boolean covers(String statementPurl, String statementBase, String statementVersion, PackageIdentity pkg) {
        if (!statementBase.equals(pkg.base())) {
            return false;
        }
        if (statementVersion == null) {
            return true;
        }
        if (!statementVersion.equals(pkg.version())) {
            return false;
        }
        return statementPurl.indexOf('?') < 0 || qualifiersIncluded(statementPurl, pkg);
    }

    private static boolean qualifiersIncluded(String statementPurl, PackageIdentity pkg) {
        Map<String, String> wanted;
        try {
            wanted = PackageIdentity.fromPurl(statementPurl).qualifiers();
        } catch (InvalidPurlException e) {
            throw new IllegalStateException("a stored canonical purl no longer parses: " + statementPurl, e);
        }
        Map<String, String> present = pkg.qualifiers();
        return wanted.entrySet().stream().allMatch(q -> q.getValue().equals(present.get(q.getKey())));
    }

    /** Parses a purl a caller gave; a wrong one is the caller's mistake. */
    static PackageIdentity parse(String purl) {
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
