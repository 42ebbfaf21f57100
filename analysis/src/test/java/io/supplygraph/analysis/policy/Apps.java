package io.supplygraph.analysis.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes CycloneDX JSON SBOMs of an application: its direct dependencies (each with a licence, or none) hang off the
 * subject, and its transitive ones off the first direct one.
 */
final class Apps {

    /** A component: its purl and licence expression (null for none). */
    record Component(String purl, String licence) {}

    private final String subject;
    private final List<Component> direct = new ArrayList<>();
    private final List<Component> transitive = new ArrayList<>();

    private Apps(String subject) {
        this.subject = subject;
    }

    static Apps subject(String purl) {
        return new Apps(purl);
    }

    Apps direct(String purl, String licence) {
        direct.add(new Component(purl, licence));
        return this;
    }

    Apps transitive(String purl, String licence) {
        transitive.add(new Component(purl, licence));
        return this;
    }

    Path write(Path folder, String file) throws IOException {
        List<String> components = new ArrayList<>();
        List<String> dependencies = new ArrayList<>();
        List<Component> all = new ArrayList<>(direct);
        all.addAll(transitive);
        for (Component c : all) {
            String licence = c.licence() == null ? ""
                    : ", \"licenses\": [{\"expression\": \"" + c.licence() + "\"}]";
            components.add("{\"bom-ref\": \"" + c.purl() + "\", \"type\": \"library\", \"name\": \"" + name(c.purl())
                    + "\", \"purl\": \"" + c.purl() + "\"" + licence + "}");
        }
        dependencies.add(edges(subject, direct));
        if (!direct.isEmpty()) {
            dependencies.add(edges(direct.get(0).purl(), transitive));
        }
        String json = """
                {"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1,
                 "metadata": {"component": {"bom-ref": "%s", "type": "application", "name": "%s", "purl": "%s"}},
                 "components": [%s],
                 "dependencies": [%s]}
                """.formatted(subject, name(subject), subject, String.join(",\n", components),
                String.join(",\n", dependencies));
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve(file), json);
    }

    private static String edges(String from, List<Component> to) {
        return "{\"ref\": \"" + from + "\", \"dependsOn\": ["
                + String.join(", ", to.stream().map(c -> "\"" + c.purl() + "\"").toList()) + "]}";
    }

    private static String name(String purl) {
        String bare = purl.split("@", 2)[0];
        return bare.substring(bare.lastIndexOf('/') + 1);
    }
}
