package io.supplygraph.model.version;

/**
 * A parsed version: its components are split and typed once, so that comparing two versions of the same scheme
 * touches no regular expression and allocates nothing. Comparing versions of different schemes is a programming
 * error and throws {@link ClassCastException}.
 */
public interface Version extends Comparable<Version> {

    /** The string as it was given to {@link VersionScheme#parse(String)}. */
    String text();
}
