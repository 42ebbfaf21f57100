package io.supplygraph.server.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One line per request: when, who (the token's name, never the token), what (method and path; the query string
 * too, which holds purls and ids, never secrets), the status and how long it took. Request and response bodies are
 * never logged: they are the organisation's SBOMs.
 */
public final class AccessLog {

    /** How lines are written. */
    public enum Format {
        TEXT,
        JSON,
        OFF;

        public static Format of(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final Format format;
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper();

    public AccessLog(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public void log(String client, String token, String method, String target, int status, double millis) {
        if (format == Format.OFF) {
            return;
        }
        String time = Instant.now().toString();
        String line;
        if (format == Format.JSON) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("time", time);
            entry.put("client", client);
            entry.put("token", token);
            entry.put("method", method);
            entry.put("target", target);
            entry.put("status", status);
            entry.put("ms", Math.round(millis * 10) / 10.0);
            line = json.valueToTree(entry).toString();
        } else {
            line = "%s %s %s %s %s %d %.1fms".formatted(time, client, token == null ? "-" : token, method, target,
                    status, millis);
        }
        out.println(line);
    }
}
