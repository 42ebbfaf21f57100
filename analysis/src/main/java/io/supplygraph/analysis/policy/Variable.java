package io.supplygraph.analysis.policy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The variables a rule's CEL expression reads, each a map of fields (the README's table says what each field means).
 * A value the graph does not have is left out of its map, never set to null: {@code has(finding.epss)} asks
 * whether it is there. {@code pkg}, not {@code package}: CEL reserves {@code package} as a word.
 */
public enum Variable {
    FINDING("finding", Level.FINDING, "id", "aliases", "severity", "score", "fixed", "status", "kind", "kev", "epss"),
    PKG("pkg", Level.PACKAGE, "purl", "type", "name", "version", "licences", "licence_class", "direct"),
    SCORECARD("scorecard", Level.PACKAGE, "repository", "score", "checks"),
    DOCUMENT("document", Level.DOCUMENT, "digest", "format", "subject", "trust", "signer", "quality"),
    PROVENANCE("provenance", Level.DOCUMENT, "builder", "slsa_level", "source", "trust");

    /**
     * What a rule is evaluated once for: the most detailed thing any of its variables needs. A rule that reads
     * {@code finding} runs once per finding of each application; one that reads {@code pkg} or {@code scorecard}
     * but no finding, once per package; one that reads only {@code document} and {@code provenance}, once per
     * application.
     */
    public enum Level {
        DOCUMENT,
        PACKAGE,
        FINDING
    }

    /** By label: CEL asks for a variable by name at each evaluation. */
    private static final Map<String, Variable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Variable::label, v -> v));

    private final String name;
    private final Level level;
    private final Set<String> fields;

    Variable(String name, Level level, String... fields) {
        this.name = name;
        this.level = level;
        this.fields = Set.of(fields);
    }

    /** As rules write it. */
    public String label() {
        return name;
    }

    public Level level() {
        return level;
    }

    public Set<String> fields() {
        return fields;
    }

    /** Whether its value is the same wherever the package or finding is: not one document's. */
    boolean sharedAcrossDocuments() {
        return level != Level.DOCUMENT;
    }

    public static Optional<Variable> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
