package io.supplygraph.model.osv;

/**
 * Whether a version is affected, and what decided it: the range or version list that includes it, the reason the
 * question could not be decided, or the ranges it lies outside of.
 */
public record OsvVerdict(Verdict verdict, String decidedBy) {

    public enum Verdict { AFFECTED, NOT_AFFECTED, UNKNOWN }
}
