package io.supplygraph.server.ui;

/**
 * What every page's frame needs: its title, which section of the navigation it belongs to, what the search box
 * holds, and after how many seconds the browser should load the page again (0: never).
 */
public record Chrome(String title, String section, String query, int refresh) {

    public static Chrome of(String title, String section) {
        return new Chrome(title, section, "", 0);
    }

    /** A page that shows work in progress, and looks again after {@code seconds}. */
    public Chrome refreshingAfter(int seconds) {
        return new Chrome(title, section, query, seconds);
    }

    /** {@code page} for the section this page is in, else null (and the attribute is left out). */
    public String current(String name) {
        return name.equals(section) ? "page" : null;
    }
}
