package io.supplygraph.analysis.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.ingest.IngestListener;
import io.supplygraph.ingest.IngestSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CycloneDX SBOMs with a dependency tree, for remediation tests: each {@code parent > child} pair is an edge,
 * and a component named by no edge hangs directly under the subject.
 */
final class Apps {

    private Apps() {}

    static Path write(Path folder, String file, String subject, String... edgesOrComponents) throws IOException {
        List<String> components = new ArrayList<>();
        List<String[]> edges = new ArrayList<>();
        for (String item : edgesOrComponents) {
            String[] pair = item.split(" > ");
            if (pair.length == 2) {
                edges.add(pair);
            } else {
                edges.add(new String[] {subject, item});
            }
            Arrays.stream(pair).filter(p -> !p.equals(subject) && !components.contains(p)).forEach(components::add);
        }
        String list = components.stream()
                .map(p -> "{\"type\":\"library\",\"bom-ref\":\"" + p + "\",\"name\":\"x\",\"purl\":\"" + p + "\"}")
                .collect(Collectors.joining(","));
        List<String> refs = new ArrayList<>(components);
        refs.add(0, subject);
        String dependencies = refs.stream().map(from -> "{\"ref\":\"" + from + "\",\"dependsOn\":["
                        + edges.stream().filter(e -> e[0].equals(from)).map(e -> "\"" + e[1] + "\"")
                                .collect(Collectors.joining(",")) + "]}")
                .collect(Collectors.joining(","));
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"%1$s","name":"app","purl":"%1$s"}},
                 "components":[%2$s],
                 "dependencies":[%3$s]}
                """.formatted(subject, list, dependencies));
        return path;
    }

    static void ingest(Supplygraph graph, Path... files) {
        IngestSummary summary = graph.ingest(Arrays.stream(files).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
        assertThat(summary.rejected()).isZero();
    }

    static void importOsv(Supplygraph graph, Path... sources) {
        IngestSummary summary = graph.importAdvisories(Arrays.stream(sources).map(Path::toString).toList(),
                InputStream.nullInputStream(), new IngestListener() {});
        assertThat(summary.rejected()).isZero();
    }
}
