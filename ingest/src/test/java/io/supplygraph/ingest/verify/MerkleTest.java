package io.supplygraph.ingest.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inclusion proofs checked against trees built from RFC 6962's recursive definitions (MTH and PATH), written
 * here independently of the iterative verifier.
 */
class MerkleTest {

    @Test
    void everyLeafOfTreesUpToSeventeenProvesItsInclusion() throws Exception {
        for (int size = 1; size <= 17; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = mth(leaves);
            for (int index = 0; index < size; index++) {
                byte[] leafHash = LogEntry.Merkle.leafHash(leaves.get(index));
                assertThat(LogEntry.Merkle.rootFromInclusionProof(index, size, leafHash, path(index, leaves)))
                        .as("leaf %d of %d", index, size).isEqualTo(root);
            }
        }
    }

    @Test
    void aFlippedBitInTheProofLeadsElsewhere() throws Exception {
        List<byte[]> leaves = leaves(11);
        List<byte[]> proof = path(6, leaves);
        proof.get(1)[0] ^= 1;
        assertThat(LogEntry.Merkle.rootFromInclusionProof(6, 11, LogEntry.Merkle.leafHash(leaves.get(6)), proof))
                .isNotEqualTo(mth(leaves));
    }

    @Test
    void rejectsAProofOfTheWrongLength() throws Exception {
        List<byte[]> leaves = leaves(8);
        List<byte[]> proof = path(3, leaves);
        proof.remove(proof.size() - 1);
        assertThatThrownBy(() -> LogEntry.Merkle.rootFromInclusionProof(3, 8, LogEntry.Merkle.leafHash(leaves.get(3)), proof))
                .isInstanceOf(VerificationException.class);
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(("leaf " + i).getBytes());
        }
        return leaves;
    }

    private static byte[] mth(List<byte[]> d) throws Exception {
        if (d.size() == 1) {
            return sha(new byte[] {0}, d.get(0));
        }
        int k = split(d.size());
        return sha(new byte[] {1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) throws Exception {
        List<byte[]> path = new ArrayList<>();
        if (d.size() == 1) {
            return path;
        }
        int k = split(d.size());
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, d.size())));
        } else {
            path.addAll(path(m - k, d.subList(k, d.size())));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    /** The largest power of two smaller than n. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] sha(byte[]... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            sha.update(p);
        }
        return sha.digest();
    }
}
