package io.supplygraph.bench;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options of a bench command: {@code --name value} pairs and bare {@code --flag}s. An option the command
 * does not read is an error, so a mistyped {@code --sbom 5000} cannot silently measure the default instead.
 */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> read = new HashSet<>();

    /** @param flags the options that take no value */
    Args(String[] args, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected an --option, got '" + a + "'");
            }
            String name = a.substring(2);
            if (flags.contains(name)) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
    }

    String string(String name, String fallback) {
        read.add(name);
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String v = string(name, null);
        return v == null ? fallback : Integer.parseInt(v);
    }

    long number(String name, long fallback) {
        String v = string(name, null);
        return v == null ? fallback : Long.parseLong(v);
    }

    double decimal(String name, double fallback) {
        String v = string(name, null);
        return v == null ? fallback : Double.parseDouble(v);
    }

    boolean flag(String name) {
        return string(name, null) != null;
    }

    /** Call after reading every option: fails on any the command does not know. */
    void done() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): --" + String.join(", --", unknown));
        }
    }
}
