package io.supplygraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip laid out like an OSV bulk export ({@code <Ecosystem>/all.zip}: one small JSON file per record) of as
 * many records as asked, from the corpus's real JSON records (Go, GitHub, malicious packages) taken round and round,
 * each copy with its id and aliases suffixed so that every record is an advisory of its own. Real exports run to
 * hundreds of thousands of records (npm's malicious packages), which the corpus does not hold.
 *
 * <p>Run: {@code bench/run OsvExportGenerator --records 200000 [--out bench/out/osv-200000.zip]
 * [--corpus ../shared/corpus]}, then time {@code ./supplygraph osv import --db /tmp/x.db} of the zip.
 */
public final class OsvExportGenerator {

    private static final List<String> SETS = List.of("osv/golang-vulndb", "osv/ghsa-sample", "osv/malicious-sample");

    private OsvExportGenerator() {}

    public static void main(String[] arguments) throws IOException {
        Args args = new Args(arguments, Set.of());
        int records = args.integer("records", 200_000);
        Path out = Path.of(args.string("out", "bench/out/osv-" + records + ".zip"));
        Path corpus = Path.of(args.string("corpus", "../shared/corpus"));
        args.done();
        ObjectMapper json = new ObjectMapper();
        List<ObjectNode> originals = new ArrayList<>();
        for (String set : SETS) {
            try (Stream<Path> files = Files.walk(corpus.resolve(set))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    JsonNode record = json.readTree(file.toFile());
                    if (record.has("id") && record.has("modified")) {
                        originals.add((ObjectNode) record);
                    }
                }
            }
        }
        if (originals.isEmpty()) {
            throw new IllegalStateException("no OSV records under " + corpus.toAbsolutePath() + " (--corpus DIR)");
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        long bytes = 0;
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (int i = 0; i < records; i++) {
                String suffix = "-k" + i / originals.size();
                ObjectNode record = originals.get(i % originals.size()).deepCopy();
                String id = record.get("id").asText() + suffix;
                record.put("id", id);
                ArrayNode aliases = record.putArray("aliases");
                originals.get(i % originals.size()).path("aliases").forEach(a -> aliases.add(a.asText() + suffix));
                byte[] text = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(record);
                bytes += text.length;
                zip.putNextEntry(new ZipEntry(id + ".json"));
                zip.write(text);
            }
        }
        System.out.printf("%s: %,d records from %,d in the corpus, %,d bytes each on average, %,d bytes zipped%n",
                out, records, originals.size(), bytes / Math.max(1, records), Files.size(out));
    }
}
