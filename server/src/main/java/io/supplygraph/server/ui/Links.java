package io.supplygraph.server.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every URL of the UI, built in one place. Values go into query strings or path segments percent-encoded, so that
 * a purl or an id from a document can never change where a link leads.
 */
public final class Links {

    private Links() {}

    public static String overview() {
        return "/";
    }

    public static String search(String q) {
        return "/search?q=" + encode(q);
    }

    public static String application(String subjectPurl) {
        return "/app?purl=" + encode(subjectPurl);
    }

    public static String application(String subjectPurl, String document) {
        return application(subjectPurl) + "&doc=" + encode(document);
    }

    public static String applications() {
        return "/applications";
    }

    /** The application a document describes. */
    public static String applicationOf(String document) {
        return "/app?doc=" + encode(document);
    }

    /** A package's page; with a version in the purl, that version is the one shown first. */
    public static String packagePage(String purl) {
        return "/package?purl=" + encode(purl);
    }

    public static String vulnerability(String id) {
        return "/vuln/" + encode(id);
    }

    public static String fixFirst() {
        return "/fix";
    }

    public static String documents() {
        return "/documents";
    }

    public static String document(String digest) {
        return "/documents/" + encode(digest);
    }

    /** The path view from a document (its subject) or a package down to a package. */
    public static String path(String from, String to) {
        return "/path?from=" + encode(from) + "&to=" + encode(to);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
