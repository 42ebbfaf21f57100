package io.supplygraph.bench.portfolio;

import java.util.List;
import java.util.Locale;

/**
 * The package ecosystems a synthetic portfolio draws from. Each starts with the packages that really are the
 * most used in it (so the head of the popularity curve reads like a real portfolio: log4j, lodash, requests),
 * and continues with made-up names for the long tail.
 */
public enum Ecosystem {
    MAVEN(List.of(
            "org.apache.logging.log4j/log4j-core", "org.slf4j/slf4j-api", "com.fasterxml.jackson.core/jackson-databind",
            "com.google.guava/guava", "org.apache.commons/commons-lang3", "commons-io/commons-io",
            "org.springframework/spring-core", "io.netty/netty-handler", "org.yaml/snakeyaml",
            "ch.qos.logback/logback-classic", "org.apache.httpcomponents/httpclient", "com.google.code.gson/gson")),
    NPM(List.of(
            "lodash", "react", "express", "debug", "chalk", "minimist", "axios", "@babel/core", "tslib", "semver",
            "@types/node", "qs")),
    PYPI(List.of(
            "requests", "urllib3", "numpy", "six", "certifi", "idna", "pyyaml", "setuptools", "cryptography",
            "jinja2", "click", "pydantic")),
    GOLANG(List.of(
            "golang.org/x/net", "golang.org/x/sys", "github.com/stretchr/testify", "google.golang.org/protobuf",
            "github.com/sirupsen/logrus", "github.com/spf13/cobra", "golang.org/x/crypto", "github.com/gin-gonic/gin",
            "gopkg.in/yaml.v3", "github.com/google/uuid", "github.com/pkg/errors", "go.uber.org/zap"));

    private static final String[] WORDS = {
        "alpha", "amber", "arc", "atlas", "beam", "birch", "bolt", "bridge", "cedar", "cinder", "cloud", "comet",
        "core", "crane", "delta", "drift", "ember", "fable", "fern", "flux", "forge", "frost", "gale", "glyph",
        "grain", "harbor", "hazel", "helix", "iris", "jade", "kite", "lark", "lumen", "maple", "marble", "mesa",
        "nimbus", "nova", "oak", "onyx", "orbit", "pearl", "pine", "prism", "quartz", "quill", "raven", "reef",
        "ridge", "sable", "sage", "shale", "slate", "spark", "spruce", "stone", "tide", "topaz", "vale", "vector",
        "willow", "zephyr"};

    private final List<String> famous;

    Ecosystem(List<String> famous) {
        this.famous = famous;
    }

    /** The namespace-and-name of the package at this popularity rank within the ecosystem (0 is the most used). */
    String coordinates(int rank) {
        if (rank < famous.size()) {
            return famous.get(rank);
        }
        int n = rank - famous.size();
        String word = WORDS[n % WORDS.length] + "-" + WORDS[(n / WORDS.length) % WORDS.length];
        String name = word + "-" + n;
        return switch (this) {
            case MAVEN -> "io.gen." + WORDS[(n * 7) % WORDS.length] + "/" + name;
            case NPM -> n % 5 == 0 ? "@" + WORDS[(n * 3) % WORDS.length] + "/" + name : name;
            case PYPI -> "py-" + name;
            case GOLANG -> "github.com/" + WORDS[(n * 5) % WORDS.length] + "/" + name;
        };
    }

    /** A version string in the ecosystem's usual shape. */
    String version(int major, int minor, int patch) {
        String plain = major + "." + minor + "." + patch;
        return this == GOLANG ? "v" + plain : plain;
    }

    /** The package URL; an npm scope's {@code @} is percent-encoded as the purl specification requires. */
    String purl(String coordinates, String version) {
        String type = name().toLowerCase(Locale.ROOT);
        String path = this == NPM && coordinates.startsWith("@") ? "%40" + coordinates.substring(1) : coordinates;
        return "pkg:" + type + "/" + path + "@" + version;
    }
}
