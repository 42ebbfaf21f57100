package io.supplygraph.cli;

import io.supplygraph.analysis.view.Verification;
import io.supplygraph.cli.output.Output;
import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.verify.Artifact;
import io.supplygraph.ingest.verify.EnvelopeReader;
import io.supplygraph.ingest.verify.SignedPayload;
import io.supplygraph.model.Trust;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify a DSSE envelope, an .intoto.jsonl file or a Sigstore bundle, offline.",
                "Exit code 0 only when every signature in FILE verified; 1 when any did not; 2 on a usage error."})
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The signed document.")
    Path file;

    @Mixin
    VerificationOptions verification;

    @ArgGroup(exclusive = true)
    ArtifactOption artifact;

    static final class ArtifactOption {
        @Option(names = "--artifact", paramLabel = "FILE", description = "The artifact a message signature or attestation covers.")
        Path file;

        @Option(names = "--digest", paramLabel = "sha256:HEX", description = "The artifact's digest, instead of the artifact.")
        String digest;

        Artifact read() throws IOException {
            return file != null ? Artifact.ofFile(file) : Artifact.ofDigest(digest);
        }
    }

    @Option(names = "--json", description = "Print {\"verified\", \"reason\", \"signer\"} as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        EnvelopeReader reader = new EnvelopeReader(verification.policy(artifact == null ? null : artifact.read()));
        Trust trust;
        try (InputStream in = Files.newInputStream(file)) {
            trust = combined(reader.read(in));
        } catch (DocumentRejectedException e) {
            trust = Trust.failed(e.getMessage());
        }
        print(spec.commandLine().getOut(), trust);
        return trust.isVerified() ? 0 : Main.EXIT_FAILURE;
    }

    /** A file of several envelopes verifies only when each does; its signers are listed once each. */
    static Trust combined(List<SignedPayload> payloads) {
        for (int i = 0; i < payloads.size(); i++) {
            if (!payloads.get(i).trust().isVerified()) {
                Trust t = payloads.get(i).trust();
                String why = t instanceof Trust.Failed f ? f.reason() : "unsigned";
                return Trust.failed(payloads.size() == 1 ? why : "envelope " + (i + 1) + " of " + payloads.size() + ": " + why);
            }
        }
        return Trust.verified(payloads.stream().map(p -> p.trust().signer()).distinct().collect(Collectors.joining(", ")));
    }

    private void print(PrintWriter out, Trust trust) {
        if (json) {
            Output.json(out, Verification.of(trust));
        } else {
            out.println(trust.isVerified() ? "verified: " + trust.signer() : "not verified: " + trust.reason());
            out.flush();
        }
    }
}
