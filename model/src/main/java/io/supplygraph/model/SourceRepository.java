package io.supplygraph.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source repository, identified by one URL however a document spells it, with the revision (commit, tag or
 * branch) the spelling named, if any. SBOMs write {@code git+https://github.com/Owner/Repo.git}, SLSA
 * provenance {@code git+https://github.com/owner/repo@refs/tags/v1}, Scorecard {@code github.com/owner/repo},
 * Maven {@code scm:git:git@github.com:owner/repo.git}: all of these are one repository, and they must be one
 * URL so that a package's SBOM, its provenance and its scorecard meet.
 *
 * <p>The URL is {@code https://host/path}: the VCS prefix, user info, port-less {@code git@host:} form,
 * {@code .git} suffix and trailing slash are dropped and the host is lower-cased. Hosts whose paths are
 * case-insensitive (GitHub, GitLab, Bitbucket) have their whole path lower-cased too; elsewhere the path is
 * kept as written, since a server may tell {@code Repo} from {@code repo}.
 *
 * @param url      normalised as above; never null
 * @param revision as the spelling named it ({@code @ref}, {@code #ref}, {@code /commit/<sha>}), or null
 */
public record SourceRepository(String url, String revision) {

    private static final Pattern SCP_LIKE = Pattern.compile("^(?:[\\w.-]+@)?([\\w.-]+\\.[a-z]{2,}):(?!//)(.+)$");
    private static final Pattern WEB_REVISION = Pattern.compile("^(.*?)/(?:commit|tree|releases/tag)/([^/]+)/?$");
    private static final Pattern CASE_INSENSITIVE_HOSTS = Pattern.compile("^(github\\.com|gitlab\\.com|bitbucket\\.org)$");

    /**
     * Reads a repository URL in any of the spellings above; empty when the text names no host and path (an
     * SPDX {@code NOASSERTION}, a bare word, a local path).
     */
    public static Optional<SourceRepository> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        t = stripPrefix(t, "scm:");
        if (!t.regionMatches(true, 0, "git://", 0, 6)) {
            t = stripPrefix(t, "git:"); // Maven's scm:git:<url>
        }
        for (String vcs : new String[] {"git+", "hg+", "svn+", "bzr+"}) {
            t = stripPrefix(t, vcs);
        }
        Matcher scp = SCP_LIKE.matcher(t);
        if (!t.contains("://") && scp.matches()) {
            t = scp.group(1) + "/" + scp.group(2);
        }
        int scheme = t.indexOf("://");
        if (scheme >= 0) {
            t = t.substring(scheme + 3);
        }
        String revision = null;
        int fragment = t.indexOf('#');
        if (fragment >= 0) {
            revision = emptyToNull(t.substring(fragment + 1));
            t = t.substring(0, fragment);
        }
        int query = t.indexOf('?');
        if (query >= 0) {
            t = t.substring(0, query);
        }
        int slash = t.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        String host = t.substring(0, slash);
        String path = t.substring(slash + 1);
        host = host.substring(host.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        int at = path.indexOf('@');
        if (at >= 0) {
            revision = emptyToNull(path.substring(at + 1));
            path = path.substring(0, at);
        }
        Matcher web = WEB_REVISION.matcher(path);
        if (web.matches()) {
            path = web.group(1);
            revision = web.group(2);
        }
        path = trimSlashes(path);
        if (path.endsWith(".git")) {
            path = path.substring(0, path.length() - 4);
        }
        if (!host.contains(".") || path.isEmpty()) {
            return Optional.empty();
        }
        if (CASE_INSENSITIVE_HOSTS.matcher(host).matches()) {
            path = path.toLowerCase(Locale.ROOT);
        }
        if (host.equals("github.com")) {
            // a GitHub repository is exactly owner/name; more is a page inside it (blob/..., releases/...)
            String[] segments = path.split("/");
            if (segments.length < 2) {
                return Optional.empty();
            }
            path = segments[0] + "/" + segments[1];
        }
        return Optional.of(new SourceRepository("https://" + host + "/" + path, revision));
    }

    /**
     * The repository a purl itself names: its {@code vcs_url} qualifier, or the repository of a
     * {@code pkg:github/owner/repo} or a Go module hosted on github.com ({@code pkg:golang/github.com/owner/repo/...}).
     */
    /**
     * False when {@link #fromPurl} finds no repository in the purl, told without parsing it: only a {@code vcs_url}
     * qualifier, a {@code github} purl and a {@code golang} one name a repository. Parsing each of a portfolio's
     * package versions (43,000 on the bench's store) to find that out cost as much as reading them. Percent-encoded
     * text is left to the parser.
     */
    public static boolean mayNameRepository(String purl) {
        String text = purl.toLowerCase(Locale.ROOT);
        return text.indexOf('%') >= 0 || text.contains("vcs_url") || text.contains("github")
                || text.contains("golang");
    }

    public static Optional<SourceRepository> fromPurl(PackageIdentity purl) {
        String vcs = purl.qualifiers().get("vcs_url");
        if (vcs != null) {
            Optional<SourceRepository> repository = parse(vcs);
            if (repository.isPresent()) {
                return repository;
            }
        }
        if ("github".equals(purl.type()) && purl.namespace() != null) {
            return parse("https://github.com/" + purl.namespace() + "/" + purl.name());
        }
        if ("golang".equals(purl.type()) && purl.namespace() != null) {
            String[] path = (purl.namespace() + "/" + purl.name()).split("/");
            if (path.length >= 3 && path[0].equalsIgnoreCase("github.com")) {
                return parse("https://github.com/" + path[1] + "/" + path[2]);
            }
        }
        return Optional.empty();
    }

    private static String stripPrefix(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static String emptyToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
