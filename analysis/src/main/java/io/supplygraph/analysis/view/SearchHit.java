package io.supplygraph.analysis.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What one search box entry may mean.
 *
 * @param key    what names it to the query behind its page: a subject purl, a purl without version, an id, a digest
 * @param detail a short line that tells candidates apart
 */
public record SearchHit(Kind kind, String label, String key, String detail) {

    public enum Kind {
        APPLICATION,
        PACKAGE,
        VULNERABILITY,
        DOCUMENT;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
