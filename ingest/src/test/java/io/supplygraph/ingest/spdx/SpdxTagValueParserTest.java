package io.supplygraph.ingest.spdx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.supplygraph.ingest.DocumentRejectedException;
import io.supplygraph.ingest.sbom.RecordingSink.Edge;
import io.supplygraph.ingest.sbom.RecordingSink;
import io.supplygraph.model.Digest;
import io.supplygraph.model.EdgeKind;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpdxTagValueParserTest {

    private static final String HEADER = """
            SPDXVersion: SPDX-2.3
            DataLicense: CC0-1.0
            SPDXID: SPDXRef-DOCUMENT
            DocumentName: demo
            """;

    private static RecordingSink parse(String text) throws Exception {
        return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static RecordingSink parse(InputStream in) throws Exception {
        RecordingSink sink = new RecordingSink();
        new SpdxTagValueParser().parse(in, sink);
        return sink;
    }

    @Test
    void readsPackagesWithMultiLineText() throws Exception {
        RecordingSink sink = parse(HEADER + """

                ##### Package
                PackageName: openssl
                SPDXID: SPDXRef-openssl
                PackageVersion: 3.0.4
                PackageSupplier: Organization: OpenSSL Project
                PackageDownloadLocation: git://git.openssl.org/openssl.git
                PackageChecksum: SHA256: 2831843e9a668a0ab478e7020ad63d2d65e51f72977472dc73efcefbafc0c00f
                PackageLicenseDeclared: Apache-2.0
                PackageLicenseConcluded: NOASSERTION
                PackageCopyrightText: <text>Copyright (c) 1998-2022 The OpenSSL Project
                PackageName: not a package, just text
                SPDXID: SPDXRef-not-this-either
                </text>
                ExternalRef: SECURITY cpe23Type cpe:2.3:a:openssl:openssl:3.0.4:*:*:*:*:*:*:*
                ExternalRef: PACKAGE-MANAGER purl pkg:generic/openssl@3.0.4
                PrimaryPackagePurpose: LIBRARY

                FileName: ./openssl.tar.gz
                SPDXID: SPDXRef-tarball
                FileChecksum: SHA1: 85ed0817af83a24ad8da68c2b5094de69833983c
                """);
        assertEquals(1, sink.components.size());
        var c = sink.withRef("SPDXRef-openssl");
        assertEquals("openssl", c.name());
        assertEquals("3.0.4", c.version());
        assertEquals("OpenSSL Project", c.supplier());
        assertEquals("git://git.openssl.org/openssl.git", c.vcsUrl());
        assertEquals(List.of(new Digest("SHA256", "2831843e9a668a0ab478e7020ad63d2d65e51f72977472dc73efcefbafc0c00f")),
                c.digests());
        assertEquals("Apache-2.0", c.declaredLicence());
        assertNull(c.concludedLicence());
        assertEquals("cpe:2.3:a:openssl:openssl:3.0.4:*:*:*:*:*:*:*", c.cpe());
        assertEquals("pkg:generic/openssl@3.0.4", c.purl());
        assertEquals("library", c.type());
        assertEquals("2.3", sink.specVersion);
        assertEquals("demo", sink.documentName);
    }

    @Test
    void mapsRelationshipsAndDescribesAndSkipsFiles() throws Exception {
        RecordingSink sink = parse(HEADER + """
                PackageName: app
                SPDXID: SPDXRef-app
                PackageName: lib
                SPDXID: SPDXRef-lib
                FileName: ./main.c
                SPDXID: SPDXRef-main
                Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-app
                Relationship: SPDXRef-lib DESCRIBED_BY SPDXRef-DOCUMENT
                Relationship: SPDXRef-lib RUNTIME_DEPENDENCY_OF SPDXRef-app
                Relationship: SPDXRef-app CONTAINS SPDXRef-main
                Relationship: SPDXRef-app DEPENDS_ON NOASSERTION
                Relationship: SPDXRef-app DEPENDS_ON DocumentRef-x:SPDXRef-y
                """);
        assertEquals(List.of("SPDXRef-app", "SPDXRef-lib"), sink.described);
        assertEquals(List.of(new Edge("SPDXRef-app", "SPDXRef-lib", EdgeKind.RUNTIME_DEPENDENCY)), sink.edges);
        assertEquals(1, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).contains("another document"));
    }

    @Test
    void rejectsTextThatNeverClosesWithItsLine() {
        var e = assertThrows(DocumentRejectedException.class, () -> parse(HEADER + """
                PackageName: a
                SPDXID: SPDXRef-a
                PackageCopyrightText: <text>Copyright
                and then the file ends
                """));
        assertTrue(e.getMessage().contains("opened at line 7 never closes"), e.getMessage());
    }

    @Test
    void rejectsAnOverlongLineWithoutReadingItWhole() {
        // an endless line: the parser must give up at the limit, not read (or hold) the rest
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((HEADER + "PackageComment: ").getBytes(StandardCharsets.UTF_8)), endless);
        var e = assertThrows(DocumentRejectedException.class, () -> parse(in));
        assertTrue(e.getMessage().contains("line 5: a string is longer than the string limit of 16 MiB"), e.getMessage());
    }

    @Test
    void rejectsWhatIsNotTagValue() {
        var json = assertThrows(DocumentRejectedException.class, () -> parse("{\"spdxVersion\": \"SPDX-2.3\"}"));
        assertTrue(json.getMessage().contains("line 1 is not"), json.getMessage());
        var noVersion = assertThrows(DocumentRejectedException.class, () -> parse("PackageName: a\n"));
        assertTrue(noVersion.getMessage().contains("no spdxVersion"), noVersion.getMessage());
    }

    @Test
    void acceptsCarriageReturnLineEndsAndAByteOrderMark() throws Exception {
        RecordingSink sink = parse("\uFEFF" + (HEADER + "PackageName: a\nSPDXID: SPDXRef-a\n").replace("\n", "\r\n"));
        assertEquals("SPDXRef-a", sink.components.get(0).ref());
        assertEquals("demo", sink.documentName);
    }
}
