package io.supplygraph.server.ui;

/**
 * What every page's frame needs: its title, which section of the navigation it belongs to, and what the search box
 * holds.
 */
public record Chrome(String title, String section, String query) {

    public static Chrome of(String title, String section) {
        return new Chrome(title, section, "");
    }

    /** {@code page} for the section this page is in, else null (and the attribute is left out). */
    public String current(String name) {
        return name.equals(section) ? "page" : null;
    }
}
