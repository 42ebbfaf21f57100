package io.supplygraph.ingest.sigstore;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The keys and certificates a Sigstore verification trusts, as a {@code trusted_root.json} lists them:
 * transparency logs, certificate authorities (Fulcio), certificate-transparency logs and timestamp authorities,
 * each valid for a period. Nothing is fetched: the file is the whole of the trust.
 */
public record TrustedRoot(List<Log> tlogs, List<Authority> certificateAuthorities, List<Log> ctlogs,
        List<Authority> timestampAuthorities) {

    /**
     * A log's key. A key whose validity has no start is never valid: the root did not say when to trust it.
     *
     * @param origin the log's host (and port), as its checkpoints name their signer
     */
    public record Log(String origin, byte[] keyId, PublicKey key, Instant start, Instant end) {
        public boolean validAt(Instant t) {
            return Validity.contains(start, end, t);
        }
    }

    /** @param chain the authority's certificates, the issuing one first and the root last */
    public record Authority(String uri, List<X509Certificate> chain, Instant start, Instant end) {
        public boolean validAt(Instant t) {
            return Validity.contains(start, end, t);
        }
    }

    public TrustedRoot {
        tlogs = List.copyOf(tlogs);
        certificateAuthorities = List.copyOf(certificateAuthorities);
        ctlogs = List.copyOf(ctlogs);
        timestampAuthorities = List.copyOf(timestampAuthorities);
    }

    public Optional<Log> tlog(byte[] keyId) {
        return find(tlogs, keyId);
    }

    public Optional<Log> ctlog(byte[] keyId) {
        return find(ctlogs, keyId);
    }

    private static Optional<Log> find(List<Log> logs, byte[] keyId) {
        return logs.stream().filter(l -> Arrays.equals(l.keyId(), keyId)).findFirst();
    }

    private static final class Validity {
        private Validity() {}

        /** Both ends inclusive, as the conformance suite's "validity-end-inclusive" cases require. */
        static boolean contains(Instant start, Instant end, Instant t) {
            return start != null && !t.isBefore(start) && (end == null || !t.isAfter(end));
        }
    }
}
