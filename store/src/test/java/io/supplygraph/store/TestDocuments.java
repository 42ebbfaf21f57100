package io.supplygraph.store;

import io.supplygraph.ingest.DocumentRecord;
import io.supplygraph.model.DocumentFormat;
import io.supplygraph.model.EdgeKind;
import io.supplygraph.model.InvalidPurlException;
import io.supplygraph.model.PackageIdentity;
import io.supplygraph.model.Trust;
import io.supplygraph.model.fact.SbomFacts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Parsed SBOMs made in code, for store tests that need documents but no parser: a subject and its components. */
public final class TestDocuments {

    private TestDocuments() {}

    /** An SBOM of {@code subject} listing {@code components} as its direct dependencies; its digest is its name's. */
    public static DocumentRecord sbom(String name, String subject, List<String> components) {
        List<PackageIdentity> packages = new ArrayList<>();
        packages.add(identity(subject));
        components.forEach(c -> packages.add(identity(c)));
        int n = packages.size();
        List<SbomFacts.Edge> edges = new ArrayList<>();
        int[] parent = new int[n];
        int[] depth = new int[n];
        parent[0] = -1;
        for (int i = 1; i < n; i++) {
            edges.add(new SbomFacts.Edge(0, i, EdgeKind.DEPENDS_ON));
            depth[i] = 1;
        }
        SbomFacts facts = new SbomFacts("1.6", name, components.size(), packages, new int[] {0}, edges, parent, depth,
                List.of(), List.of(), List.of(), List.of(), List.of());
        return new DocumentRecord(digestOf(name), DocumentFormat.CYCLONEDX_JSON, name, 100, facts, Trust.UNSIGNED);
    }

    public static String digestOf(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PackageIdentity identity(String purl) {
        try {
            return PackageIdentity.fromPurl(purl);
        } catch (InvalidPurlException e) {
            throw new IllegalArgumentException(purl, e);
        }
    }
}
