package io.supplygraph.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The limits every reader applies to what one document holds, as the README states them: a string (a JSON or YAML
 * string, an XML text or attribute, a tag-value value) of at most 16 MiB, and at most 200 levels of nesting.
 * Every JSON and YAML reader gets its factory here, and the XML and tag-value parsers check against the same
 * constants, so that the parsers cannot drift apart again (CycloneDX JSON once stopped at 5 MB, SPDX at 16 MiB,
 * envelopes at Jackson's default of 20 MB).
 */
public final class ReadLimits {

    /** Characters in one string. Licence texts are the longest real ones (a whole GPL is 35 KB). */
    public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
    /** Levels of nesting. Real documents nest about six deep; anything near this is an attack or a bug. */
    public static final int MAX_NESTING = 200;
    /**
     * Bytes in one YAML document. SnakeYAML's scanner slows down quadratically on a long scalar (8 MB take 15 s,
     * 16 MB 50 s on this machine, and its own cap on a document does not stop it sooner), so a YAML document is
     * measured before it is parsed. This keeps every YAML string far below the string limit; OSV's YAML records
     * are a few kilobytes (the largest in PyPA's database 16 KB).
     */
    public static final int MAX_YAML_DOCUMENT = 1024 * 1024;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    private ReadLimits() {}

    /** A JSON factory builder with the limits set; the caller adds its own features and builds. */
    public static JsonFactoryBuilder json() {
        return new JsonFactoryBuilder().streamReadConstraints(CONSTRAINTS);
    }

    /** A mapper whose parsers have the limits. */
    public static ObjectMapper jsonMapper() {
        return new ObjectMapper(json().build());
    }

    /**
     * A YAML mapper whose parsers have the limits. Jackson's YAML parser does not apply the string limit; the
     * document limit, {@link #MAX_YAML_DOCUMENT}, which its caller checks first, bounds its strings instead.
     */
    public static YAMLMapper yamlMapper() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_YAML_DOCUMENT);
        loader.setNestingDepthLimit(MAX_NESTING);
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(CONSTRAINTS).build());
    }

    /** How every reason about the string limit names it. */
    private static final String STRING_LIMIT = String.format(Locale.ROOT,
            "the string limit of %d MiB (%,d characters)", MAX_STRING_LENGTH >> 20, MAX_STRING_LENGTH);

    /** The reason every parser gives for a string over the limit. */
    public static String stringTooLong() {
        return "a string is longer than " + STRING_LIMIT;
    }

    /** The reason for a YAML document over {@link #MAX_YAML_DOCUMENT}. */
    public static String yamlTooLong() {
        return String.format(Locale.ROOT, "a YAML document is longer than the limit for YAML of %d MiB (%,d bytes)",
                MAX_YAML_DOCUMENT >> 20, MAX_YAML_DOCUMENT);
    }

    /** Why Jackson stopped, in one line: a broken string limit in our words, anything else in Jackson's. */
    public static String reason(JacksonException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            // data binding wraps the streaming parser's exception
            if (t instanceof StreamConstraintsException && message.startsWith("String value length")) {
                return stringTooLong();
            }
            if (t instanceof YAMLException && message.contains("document exceeds the limit")) {
                return yamlTooLong();
            }
        }
        String message = String.valueOf(e.getOriginalMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The rejection for JSON Jackson could not read: a broken limit, or malformed; {@code where} is " at line ...". */
    public static String jsonFailure(JacksonException e, String where) {
        String what = e instanceof StreamConstraintsException ? "JSON beyond this reader's limits" : "malformed JSON";
        return what + where + ": " + reason(e);
    }
}
