package io.supplygraph.model.version;

/**
 * A version string that its scheme's native tool would reject. Unchecked so that comparators and sorts can use
 * schemes directly; callers that take untrusted input catch it and report {@link #getMessage()}, which names the
 * scheme, the string and the reason.
 */
public final class InvalidVersionException extends IllegalArgumentException {

    private final String version;

    public InvalidVersionException(String scheme, String version, String reason) {
        super("invalid " + scheme + " version '" + version + "': " + reason);
        this.version = version;
    }

    public String version() {
        return version;
    }
}
