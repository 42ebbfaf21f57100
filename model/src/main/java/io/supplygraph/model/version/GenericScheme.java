package io.supplygraph.model.version;

import java.util.List;

/**
 * The fallback for ecosystems without a scheme of their own: runs of digits compare as numbers, runs of letters
 * compare ignoring case and before numbers, anything else separates, and a version that is a prefix of another
 * orders first. Accepts any string with at least one letter or digit.
 */
public record GenericScheme() implements VersionScheme {

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public Version parse(String text) {
        List<Object> parts = Segments.digitsAndWords(text, Character::isLetter);
        if (parts.isEmpty()) {
            throw new InvalidVersionException(name(), text, "no letters or digits");
        }
        return new GenericVersion(text, parts.toArray());
    }

    record GenericVersion(String text, Object[] parts) implements Version {
        @Override
        public int compareTo(Version other) {
            return Segments.compareLexicographically(parts, ((GenericVersion) other).parts);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
