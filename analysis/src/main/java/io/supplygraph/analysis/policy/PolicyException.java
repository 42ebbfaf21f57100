package io.supplygraph.analysis.policy;

/**
 * A policy that cannot be used: a YAML error, an unknown or missing key, or a rule that does not compile. The message
 * names the file, the line and, for a rule, its name; {@code check} prints it and exits 2.
 */
public final class PolicyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PolicyException(String message) {
        super(message);
    }
}
