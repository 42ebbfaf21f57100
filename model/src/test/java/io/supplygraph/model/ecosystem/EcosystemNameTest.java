package io.supplygraph.model.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EcosystemNameTest {

    @ParameterizedTest(name = "{0}/{1}?distro={2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "deb|debian|debian-12|Debian:12",
        "deb|debian|debian-12.4|Debian:12",
        "deb|debian|bookworm|Debian:12",
        "deb|ubuntu|ubuntu-22.04|Ubuntu:22.04:LTS",
        "deb|ubuntu|ubuntu-23.10|Ubuntu:23.10",
        "deb|ubuntu|jammy|Ubuntu:22.04:LTS",
        "apk|alpine|alpine-3.18|Alpine:v3.18",
        "apk|alpine|alpine-3.18.4|Alpine:v3.18",
        "rpm|redhat|redhat-9|Red Hat",
        "rpm|almalinux|almalinux-9.3|AlmaLinux:9",
        "rpm|rocky|rocky-9|Rocky Linux:9",
        "rpm|opensuse|-|openSUSE",
        "pypi|-|-|PyPI",
        "cargo|-|-|crates.io",
        "golang|github.com/x|-|Go",
    })
    void mapsPurlsToOsvEcosystems(String type, String namespace, String distro, String osv) {
        assertEquals(osv, EcosystemName.fromPurl(type, namespace, distro).orElseThrow().osvName());
    }

    @Test
    void parsesOsvNamesIgnoringCase() {
        EcosystemName name = EcosystemName.parseOsv("ubuntu:Pro:18.04:LTS").orElseThrow();
        assertEquals(Ecosystem.UBUNTU, name.ecosystem());
        assertEquals("Pro:18.04:LTS", name.release());
        assertEquals(Ecosystem.CRATES_IO, Ecosystem.fromOsvName("Crates.IO").orElseThrow());
        assertEquals(Ecosystem.RED_HAT, Ecosystem.fromOsvName("Red Hat:rhel_aus:8.4::appstream").orElseThrow());
    }

    @Test
    void everyEcosystemWithAPurlTypeMapsBack() {
        for (Ecosystem e : Ecosystem.values()) {
            e.purlType().ifPresent(type ->
                    assertEquals(e, Ecosystem.fromPurlType(type, e.purlNamespace().orElse(null)).orElseThrow()));
        }
    }
}
