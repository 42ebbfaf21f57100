package io.supplygraph.analysis.remediation.manifest;

import io.supplygraph.analysis.view.Upgrade;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Applies an upgrade plan to a manifest file, told by its name: pom.xml, package.json, requirements or constraints, go.mod. */
public final class Manifests {

    private Manifests() {}

    /** The format of a manifest file, by its name; empty for a file this knows no format of. */
    static Optional<ManifestFormat> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.equals("pom.xml") || name.endsWith(".pom")) {
            return Optional.of(new PomManifest());
        }
        if (name.equals("package.json")) {
            return Optional.of(new PackageJsonManifest());
        }
        if (name.equals("go.mod")) {
            return Optional.of(new GoModManifest());
        }
        if (name.endsWith(".txt") || name.endsWith(".in")) {
            return Optional.of(new RequirementsManifest(name.contains("constraint")));
        }
        return Optional.empty();
    }

    /**
     * The manifest's text with every upgrade of the plan for its ecosystem applied, in plan order; bumps it cannot
     * take are refused, each with its reason, and the others still apply.
     *
     * @throws IllegalArgumentException for a file whose format is not known
     */
    public static Patched patch(Path file, String text, List<Upgrade> plan) {
        ManifestFormat format = formatOf(file).orElseThrow(() -> new IllegalArgumentException(
                "not a manifest fix knows: " + file.getFileName()
                        + " (pom.xml, package.json, requirements*.txt, constraints*.txt, go.mod)"));
        String after = text;
        List<Bump> applied = new ArrayList<>();
        List<ManifestRefusal> refused = new ArrayList<>();
        for (Upgrade u : plan) {
            Optional<Bump> bump = Bump.of(u).filter(b -> b.type().equals(format.purlType()));
            if (bump.isEmpty()) {
                continue;
            }
            try {
                after = format.apply(after, bump.get());
                applied.add(bump.get());
            } catch (ManifestFormat.Refused e) {
                refused.add(new ManifestRefusal(bump.get(), e.getMessage()));
            }
        }
        return new Patched(text, after, applied, refused);
    }
}
