package io.supplygraph.cli;

import io.supplygraph.analysis.remediation.manifest.ManifestRefusal;
import io.supplygraph.analysis.remediation.manifest.Manifests;
import io.supplygraph.analysis.remediation.manifest.Patched;
import io.supplygraph.analysis.remediation.manifest.UnifiedDiff;
import io.supplygraph.analysis.view.Upgrade;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fix --manifest}: the plan applied to a manifest, printed as a unified diff or, with {@code --apply},
 * written back. The file is read and written as ISO-8859-1, one char per byte, so that every byte the edits do not
 * touch (a UTF-8 name, a BOM, CRLF endings) is written back exactly; the edits themselves are ASCII.
 */
final class ManifestPatching {

    private ManifestPatching() {}

    /** Exit 0 when every bump for the manifest's ecosystem applied, 1 when any was refused. */
    static int run(CommandSpec spec, PrintWriter out, Path manifest, List<Upgrade> plan, boolean apply) {
        PrintWriter err = spec.commandLine().getErr();
        String before;
        try {
            before = Files.readString(manifest, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + manifest + ": " + e.getMessage(), e);
        }
        Patched patched = Manifests.patch(manifest, before, plan);
        for (ManifestRefusal r : patched.refused()) {
            err.printf("refused  %s %s -> %s: %s%n", r.bump().displayName(), r.bump().current(), r.bump().target(),
                    r.reason());
        }
        if (!patched.changed()) {
            err.println(patched.refused().isEmpty() ? "nothing in the plan applies to " + manifest
                    : "no change written to " + manifest);
        } else if (apply) {
            try {
                Files.writeString(manifest, patched.after(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + manifest + ": " + e.getMessage(), e);
            }
            err.printf("%s: %d upgrades written%n", manifest, patched.applied().size());
        } else {
            out.print(UnifiedDiff.of(manifest.toString().replace('\\', '/'), patched.before(), patched.after()));
            out.flush();
        }
        err.flush();
        return patched.refused().isEmpty() ? 0 : 1;
    }
}
