package io.supplygraph.analysis;

/** A digest prefix that starts more than one digest: a usage error to the CLI, a 409 to the REST API. */
public final class AmbiguousException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public AmbiguousException(String message) {
        super(message);
    }
}
