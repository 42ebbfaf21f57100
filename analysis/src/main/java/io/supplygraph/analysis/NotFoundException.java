package io.supplygraph.analysis;

/**
 * A query named something the graph does not hold: a digest, a vulnerability id. A usage error to the CLI (it
 * extends {@link IllegalArgumentException}), a 404 to the REST API.
 */
public final class NotFoundException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
