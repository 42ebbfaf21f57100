package io.supplygraph.analysis.vulns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.supplygraph.analysis.Supplygraph;
import io.supplygraph.analysis.view.Finding;
import io.supplygraph.analysis.vulns.Vulns.Query;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Distribution versions with epochs, against records shaped as AlmaLinux, Debian and Alpine publish them. An epoch
 * orders before everything else in rpmvercmp and dpkg alike ({@code [epoch:]version[-release]}, a missing epoch is
 * 0), so a version read without its epoch looks older than any fix that has one: ALSA-2024:5231's fix for bind is
 * {@code 32:9.16.23-18.el9_4.6}, and syft writes that very package as {@code bind-chroot@9.16.23-18.el9_4.6?epoch=32}.
 */
class EpochMatchingTest {

    @TempDir
    Path tmp;

    /** Every finding (--all) of one image holding these packages, once the records are imported. */
    private List<Finding> findings(Kind kind, Path records, String... purls) throws Exception {
        try (Supplygraph graph = Supplygraph.open(TestStores.fresh(kind, tmp))) {
            GoMatchingTest.ingest(graph, Sboms.write(tmp, "image.cdx.json", "pkg:generic/acme/image@1.0", purls));
            GoMatchingTest.importOsv(graph, records);
            return graph.vulns(new Query(null, null, null, true));
        }
    }

    private static String entry(String ecosystem, String name, String fixed) {
        return """
                {"package":{"ecosystem":"%s","name":"%s"},
                 "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"%s"}]}]}"""
                .formatted(ecosystem, name, fixed);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anRpmEpochQualifierOrAnEpochInTheVersionIsCompared(Kind kind) throws Exception {
        // ALSA-2024:5231 (bind security update, AlmaLinux 9): every bind binary package fixed in 32:9.16.23-18.el9_4.6
        String fixed = "32:9.16.23-18.el9_4.6";
        Path record = Sboms.osv(tmp.resolve("alma"), "ALSA-2024:5231", "2024-08-13T00:00:00Z", "",
                String.join(",", entry("AlmaLinux:9", "bind-chroot", fixed), entry("AlmaLinux:9", "bind-libs", fixed),
                        entry("AlmaLinux:9", "bind-utils", fixed), entry("AlmaLinux:9", "bind-license", fixed)));
        assertThat(findings(kind, record,
                    // the fix itself, epoch in the qualifier as syft writes it: not affected
                    "pkg:rpm/almalinux/bind-chroot@9.16.23-18.el9_4.6?arch=x86_64&epoch=32&distro=almalinux-9",
                    // the fix, epoch written inside the version: not affected
                    "pkg:rpm/almalinux/bind-libs@32:9.16.23-18.el9_4.6?arch=x86_64&distro=almalinux-9",
                    // one release before the fix: 32:9.16.23-18.el9_4.5 < 32:9.16.23-18.el9_4.6, affected
                    "pkg:rpm/almalinux/bind-utils@9.16.23-18.el9_4.5?arch=x86_64&epoch=32&distro=almalinux-9",
                    // no epoch at all is epoch 0, older than any epoch 32 whatever the version: affected
                    "pkg:rpm/almalinux/bind-license@9.16.24-1.el9?arch=noarch&distro=almalinux-9"))
                    .extracting(Finding::purl, Finding::version, Finding::fixed)
                    .containsExactlyInAnyOrder(
                            tuple("pkg:rpm/almalinux/bind-license@9.16.24-1.el9?arch=noarch&distro=almalinux-9",
                                    "9.16.24-1.el9", List.of(fixed)),
                            tuple("pkg:rpm/almalinux/bind-utils@9.16.23-18.el9_4.5?arch=x86_64&distro=almalinux-9&epoch=32",
                                    "32:9.16.23-18.el9_4.5", List.of(fixed)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDebianEpochOrdersBeforeTheUpstreamVersion(Kind kind) throws Exception {
        // DSA-5586-1-shaped (openssh, Debian 12): fixed in 1:9.2p1-2+deb12u2; dpkg --compare-versions says
        // 1:9.2p1-2+deb12u1 lt 1:9.2p1-2+deb12u2, 9.9p1-1 lt 1:9.2p1-2+deb12u2 (epoch 0), 2:1.0-1 gt it
        Path record = Sboms.osv(tmp.resolve("debian"), "DSA-5586-1", "2023-12-19T00:00:00Z", "",
                entry("Debian:12", "openssh", "1:9.2p1-2+deb12u2"));
        assertThat(findings(kind, record,
                    "pkg:deb/debian/openssh-client@1:9.2p1-2+deb12u2?arch=amd64&distro=debian-12&upstream=openssh",
                    "pkg:deb/debian/openssh-server@1:9.2p1-2+deb12u1?arch=amd64&distro=debian-12&upstream=openssh",
                    "pkg:deb/debian/openssh-sftp-server@9.9p1-1?arch=amd64&distro=debian-12&upstream=openssh",
                    "pkg:deb/debian/ssh@2:1.0-1?arch=all&distro=debian-12&upstream=openssh"))
                    .extracting(Finding::purl, Finding::version)
                    .containsExactlyInAnyOrder(
                            tuple("pkg:deb/debian/openssh-server@1%3A9.2p1-2%2Bdeb12u1?arch=amd64&distro=debian-12&upstream=openssh",
                                    "1:9.2p1-2+deb12u1"),
                            tuple("pkg:deb/debian/openssh-sftp-server@9.9p1-1?arch=amd64&distro=debian-12&upstream=openssh",
                                    "9.9p1-1"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void alpineVersionsHaveNoEpochAndCompareByApkRules(Kind kind) throws Exception {
        // ALPINE-CVE-shaped (openssl, Alpine v3.18): fixed in 3.1.4-r0; apk orders 3.1.10-r0 after 3.1.4-r0
        // (numbers compare as numbers) and 3.1.4-r0 after 3.1.4_rc1-r0 (a pre-release suffix)
        Path record = Sboms.osv(tmp.resolve("alpine"), "ALPINE-CVE-2023-5363", "2023-10-25T00:00:00Z", "",
                entry("Alpine:v3.18", "openssl", "3.1.4-r0"));
        assertThat(findings(kind, record,
                    "pkg:apk/alpine/libcrypto3@3.1.4-r0?arch=x86_64&distro=alpine-3.18.4&upstream=openssl",
                    "pkg:apk/alpine/libssl3@3.1.10-r0?arch=x86_64&distro=alpine-3.18.4&upstream=openssl",
                    "pkg:apk/alpine/openssl@3.1.4_rc1-r0?arch=x86_64&distro=alpine-3.18.4"))
                    .extracting(Finding::purl, Finding::version)
                    .containsExactly(tuple("pkg:apk/alpine/openssl@3.1.4_rc1-r0?arch=x86_64&distro=alpine-3.18.4",
                            "3.1.4_rc1-r0"));
    }
}
