package io.supplygraph.model.version;

/**
 * How one ecosystem spells and orders its versions. Each scheme follows its ecosystem's reference implementation
 * (named in the class comment), including where that implementation is lenient, so that a verdict on a version
 * range is the one the ecosystem's own tooling would give.
 */
public sealed interface VersionScheme
        permits MavenScheme, SemVerScheme, Pep440Scheme, RubyGemsScheme, NuGetScheme, PhpScheme, NumericListScheme,
                DpkgScheme, ApkScheme, RpmScheme, GenericScheme {

    /** A short name for messages, such as {@code "Maven"} or {@code "dpkg"}. */
    String name();

    Version parse(String text) throws InvalidVersionException;

    default boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    /** Negative, zero or positive as {@code a} orders before, with or after {@code b}. */
    default int compare(String a, String b) throws InvalidVersionException {
        return Integer.signum(parse(a).compareTo(parse(b)));
    }
}
