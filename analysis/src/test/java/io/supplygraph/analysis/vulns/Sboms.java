package io.supplygraph.analysis.vulns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes CycloneDX JSON SBOMs that list components and nothing else: the subject depends on each. */
public final class Sboms {

    private Sboms() {}

    public static Path write(Path folder, String file, String subject, String... components) throws IOException {
        String list = Stream.of(components)
                .map(p -> "{\"type\":\"library\",\"bom-ref\":\"" + p + "\",\"name\":\"x\",\"purl\":\"" + p + "\"}")
                .collect(Collectors.joining(","));
        String json = """
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "metadata":{"component":{"type":"application","bom-ref":"subject","name":"app","purl":"%s"}},
                 "components":[%s]}
                """.formatted(subject, list);
        Path path = folder.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, json);
        return path;
    }

    /** An OSV record written by the test, for rules the corpus has no example of. */
    public static Path osv(Path folder, String id, String modified, String extra, String affected) throws IOException {
        Path path = folder.resolve(id + "-" + modified.replace(':', '_') + ".json");
        Files.createDirectories(folder);
        Files.writeString(path, """
                {"id":"%s","modified":"%s",%s"affected":[%s]}
                """.formatted(id, modified, extra, affected));
        return path;
    }
}
