package io.supplygraph.bench.verify;

import io.supplygraph.ingest.verify.EnvelopeReader;
import io.supplygraph.ingest.verify.SignedPayload;
import io.supplygraph.ingest.verify.VerificationPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Time to read and verify 1,000 ECDSA P-256 DSSE envelopes (an {@code .intoto.jsonl} of 1,000 lines, each a
 * distinct ~1 KB in-toto statement): JSON, base64, PAE and signature check, on the calling thread. The issue
 * asks for under 2 s. Prints the median and best of the timed rounds after warm-up rounds. Run with
 * {@code bench/run verify.DsseVerifyBenchmark [envelopes] [rounds]}.
 */
public final class DsseVerifyBenchmark {

    private DsseVerifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] jsonl = envelopes(keys, count);
        EnvelopeReader reader = new EnvelopeReader(VerificationPolicy.keys(List.of(keys.getPublic())));

        for (int i = 0; i < 5; i++) {
            verifyAll(reader, jsonl, count);
        }
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            verifyAll(reader, jsonl, count);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("verify %,d ECDSA P-256 DSSE envelopes (%,d bytes): median %.0f ms, best %.0f ms"
                + " (%,.0f envelopes/s at the median; target < 2000 ms)%n", count, jsonl.length,
                nanos[rounds / 2] / 1e6, nanos[0] / 1e6, count / (nanos[rounds / 2] / 1e9));
    }

    private static void verifyAll(EnvelopeReader reader, byte[] jsonl, int count) throws Exception {
        List<SignedPayload> payloads = reader.read(new ByteArrayInputStream(jsonl));
        long verified = payloads.stream().filter(p -> p.trust().isVerified()).count();
        if (verified != count) {
            throw new IllegalStateException(verified + " of " + count + " envelopes verified");
        }
    }

    private static byte[] envelopes(KeyPair keys, int count) throws Exception {
        String type = "application/vnd.in-toto+json";
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String statement = """
                    {"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"app-%d.tar.gz","digest":{"sha256":"%064x"}}],\
                    "predicateType":"https://slsa.dev/provenance/v1","predicate":{"buildDefinition":{"buildType":\
                    "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1","externalParameters":\
                    {"workflow":{"ref":"refs/tags/v%d","repository":"https://github.com/acme/app","path":\
                    ".github/workflows/release.yml"}}},"runDetails":{"builder":{"id":\
                    "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.0.0"},\
                    "metadata":{"invocationId":"https://github.com/acme/app/actions/runs/%d/attempts/1"}}}}""".formatted(i, i, i, i);
            byte[] payload = statement.getBytes(StandardCharsets.UTF_8);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initSign(keys.getPrivate());
            ecdsa.update(("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ").getBytes(StandardCharsets.UTF_8));
            ecdsa.update(payload);
            jsonl.append("{\"payloadType\":\"").append(type).append("\",\"payload\":\"").append(b64.encodeToString(payload))
                    .append("\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"").append(b64.encodeToString(ecdsa.sign()))
                    .append("\"}]}\n");
        }
        return jsonl.toString().getBytes(StandardCharsets.UTF_8);
    }
}
