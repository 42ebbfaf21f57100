package io.supplygraph.ingest.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a walk found: each document's bytes (read twice, to prove it re-readable) and each rejection. */
final class Collected implements SourceVisitor {

    final Map<String, byte[]> documents = new LinkedHashMap<>();
    final Map<String, String> rejected = new LinkedHashMap<>();
    final List<Long> sizes = new ArrayList<>();

    @Override
    public void accept(SourceDocument document) throws IOException {
        byte[] first;
        try (InputStream in = document.open()) {
            first = in.readAllBytes();
        }
        try (InputStream in = document.open()) {
            assertArrayEquals(first, in.readAllBytes(), "second read of " + document.name());
        }
        documents.put(document.name(), first);
        sizes.add(document.size());
    }

    @Override
    public void reject(String name, String reason) {
        rejected.put(name, reason);
    }

    List<String> names() {
        return List.copyOf(documents.keySet());
    }

    String text(String name) {
        return new String(documents.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
