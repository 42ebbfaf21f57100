package io.supplygraph.analysis.remediation.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.supplygraph.analysis.view.FixAction;
import io.supplygraph.analysis.view.Upgrade;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Manifest patches on manifests shaped like real ones: only the lines that must change change, everything else
 * (comments, ordering, indentation, line endings) comes back byte for byte.
 */
class ManifestsTest {

    private static final String APP = "pkg:generic/acme/app@1.0";

    private static Upgrade upgrade(String packagePurl, String current, String target, String... via) {
        List<String> path = via.length == 0 ? List.of(APP, packagePurl + "@" + current) : List.of(via);
        return new Upgrade(packagePurl, current, target, target, FixAction.UPGRADE, path.size() == 2, path, List.of(),
                List.of(), List.of(), 0, null, 1.0);
    }

    private static Patched patch(String file, String text, Upgrade... plan) {
        return Manifests.patch(Path.of(file), text, List.of(plan));
    }

    /** The lines of the diff that change, without the file header. */
    private static List<String> changes(String file, Patched p) {
        return UnifiedDiff.of(file, p.before(), p.after()).lines()
                .filter(l -> (l.startsWith("+") || l.startsWith("-")) && !l.startsWith("+++") && !l.startsWith("---"))
                .toList();
    }

    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- payments service: keep versions in properties -->
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <parent>
                <groupId>com.acme</groupId>
                <artifactId>platform</artifactId>
                <version>7</version>
              </parent>
              <artifactId>payments</artifactId>
              <modules>
                <module>api</module>
                <module>core</module>
              </modules>
              <properties>
                <log4j.version>2.14.1</log4j.version>   <!-- CVE watch -->
                <jackson.version>2.12.1</jackson.version>
              </properties>
              <dependencies>
                <!--
                <dependency>
                  <groupId>commons-io</groupId><artifactId>commons-io</artifactId><version>2.4</version>
                </dependency>
                -->
                <dependency>
                  <groupId>org.apache.logging.log4j</groupId>
                  <artifactId>log4j-core</artifactId>
                  <version>${log4j.version}</version>
                </dependency>
                <dependency>
                  <groupId>commons-io</groupId>
                  <artifactId>commons-io</artifactId>
                  <version>2.6</version>
                  <scope>runtime</scope>
                </dependency>
                <dependency>
                  <groupId>com.google.guava</groupId>
                  <artifactId>guava</artifactId>
                  <version>[30.0,31.0)</version>
                </dependency>
              </dependencies>
            </project>
            """;

    @Test
    void aPomPropertyADeclaredVersionAndAManagedTransitive() {
        Patched p = patch("pom.xml", POM,
                upgrade("pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "2.17.1"),
                upgrade("pkg:maven/commons-io/commons-io", "2.6", "2.7"),
                upgrade("pkg:maven/org.yaml/snakeyaml", "1.26", "2.0", APP, "pkg:maven/com.acme/lib@1",
                        "pkg:maven/org.yaml/snakeyaml@1.26"),
                upgrade("pkg:maven/com.google.guava/guava", "30.1-jre", "32.0.0-jre"));
        assertThat(changes("pom.xml", p)).containsExactly(
                "-    <log4j.version>2.14.1</log4j.version>   <!-- CVE watch -->",
                "+    <log4j.version>2.17.1</log4j.version>   <!-- CVE watch -->",
                "+  <dependencyManagement>",
                "+    <dependencies>",
                "+      <dependency>",
                "+        <!-- fix: 1.26 -> 2.0 (transitive, via pkg:maven/com.acme/lib@1) -->",
                "+        <groupId>org.yaml</groupId>",
                "+        <artifactId>snakeyaml</artifactId>",
                "+        <version>2.0</version>",
                "+      </dependency>",
                "+    </dependencies>",
                "+  </dependencyManagement>",
                "-      <version>2.6</version>",
                "+      <version>2.7</version>");
        assertThat(p.refused()).singleElement().satisfies(r -> {
            assertThat(r.bump().name()).isEqualTo("guava");
            assertThat(r.reason()).contains("[30.0,31.0)");
        });
        // the commented-out commons-io 2.4 stays as it was
        assertThat(p.after()).contains("<version>2.4</version>");
    }

    @Test
    void aPomPropertyFromTheParentIsRefused() {
        String child = POM.replace("<log4j.version>2.14.1</log4j.version>   <!-- CVE watch -->", "");
        Patched p = patch("pom.xml", child, upgrade("pkg:maven/org.apache.logging.log4j/log4j-core", "2.14.1", "2.17.1"));
        assertThat(p.changed()).isFalse();
        assertThat(p.refused().get(0).reason()).contains("${log4j.version}", "does not define");
    }

    @Test
    void aManifestThePlanDoesNotTouchRoundTripsByteForByte() {
        String crlf = POM.replace("\n", "\r\n");
        Patched p = patch("pom.xml", crlf, upgrade("pkg:npm/lodash", "4.17.15", "4.17.21"));
        assertThat(p.after()).isEqualTo(crlf);
        assertThat(UnifiedDiff.of("pom.xml", p.before(), p.after())).isEmpty();
        Patched edited = patch("pom.xml", crlf, upgrade("pkg:maven/commons-io/commons-io", "2.6", "2.7"));
        assertThat(edited.after()).isEqualTo(crlf.replace("<version>2.6</version>", "<version>2.7</version>"));
    }

    @Test
    void aPomWithADoctypeIsRefusedNotExpanded() {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE project [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<project><dependencies/></project>";
        Patched p = patch("pom.xml", hostile, upgrade("pkg:maven/a/b", "1", "2"));
        assertThat(p.changed()).isFalse();
        assertThat(p.refused().get(0).reason()).contains("does not read as XML");
    }

    private static final String PACKAGE_JSON = """
            {
              "name": "web-shop",
              "version": "3.1.0",
              "dependencies": {
                "express": "^4.17.1",
                "lodash": "~4.17.15",
                "minimist": "1.2.5",
                "react": "16.x"
              },
              "devDependencies": {
                "jest": "^26.0.0"
              },
              "overrides": {
                "semver": "7.5.2"
              }
            }
            """;

    @Test
    void packageJsonKeepsTheRangeOperatorAndOverridesTransitives() {
        Patched p = patch("package.json", PACKAGE_JSON,
                upgrade("pkg:npm/lodash", "4.17.15", "4.17.21"),
                upgrade("pkg:npm/minimist", "1.2.5", "1.2.6"),
                upgrade("pkg:npm/qs", "6.5.2", "6.5.3", APP, "pkg:npm/express@4.17.1", "pkg:npm/qs@6.5.2"),
                upgrade("pkg:npm/semver", "7.5.2", "7.5.4", APP, "pkg:npm/jest@26.0.0", "pkg:npm/semver@7.5.2"),
                upgrade("pkg:npm/react", "16.4.0", "16.14.0"));
        assertThat(changes("package.json", p)).containsExactly(
                "-    \"lodash\": \"~4.17.15\",",
                "-    \"minimist\": \"1.2.5\",",
                "+    \"lodash\": \"~4.17.21\",",
                "+    \"minimist\": \"1.2.6\",",
                "-    \"semver\": \"7.5.2\"",
                "+    \"qs\": \"6.5.3\",",
                "+    \"semver\": \"7.5.4\"");
        assertThat(p.refused()).singleElement().satisfies(r -> assertThat(r.reason()).contains("\"16.x\""));
    }

    @Test
    void packageJsonWithoutOverridesGetsTheSection() {
        String plain = "{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"express\": \"^4.17.1\"\n  }\n}\n";
        Patched p = patch("package.json", plain,
                upgrade("pkg:npm/qs", "6.5.2", "6.5.3", APP, "pkg:npm/express@4.17.1", "pkg:npm/qs@6.5.2"));
        assertThat(p.after()).isEqualTo("{\n  \"name\": \"x\",\n  \"dependencies\": {\n    \"express\": \"^4.17.1\"\n"
                + "  },\n  \"overrides\": {\n    \"qs\": \"6.5.3\"\n  }\n}\n");
    }

    private static final String REQUIREMENTS = """
            # production requirements
            -r base.txt
            Django==3.2.0 ; python_version >= "3.8"  # web
            requests[socks]>=2.20.0,<3
            urllib3==1.26.5 \\
                --hash=sha256:753a0374df26658f99d826cfe40394a686d9985786d946fbe4165b5148f5a7c6
            PyYAML>=5.1,<5.4
            """;

    @Test
    void requirementsKeepExtrasMarkersAndCommentsAndRefuseHashesAndCaps() {
        Patched p = patch("requirements.txt", REQUIREMENTS,
                upgrade("pkg:pypi/django", "3.2.0", "3.2.15"),
                upgrade("pkg:pypi/requests", "2.25.0", "2.32.2"),
                upgrade("pkg:pypi/urllib3", "1.26.5", "1.26.19"),
                upgrade("pkg:pypi/pyyaml", "5.3", "5.4"),
                upgrade("pkg:pypi/idna", "2.7", "3.7", APP, "pkg:pypi/requests@2.25.0", "pkg:pypi/idna@2.7"));
        assertThat(changes("requirements.txt", p)).containsExactly(
                "-Django==3.2.0 ; python_version >= \"3.8\"  # web",
                "-requests[socks]>=2.20.0,<3",
                "+Django==3.2.15 ; python_version >= \"3.8\"  # web",
                "+requests[socks]>=2.32.2,<3");
        assertThat(p.refused()).extracting(r -> r.bump().name()).containsExactly("urllib3", "pyyaml", "idna");
        assertThat(p.refused().get(0).reason()).contains("--hash");
        assertThat(p.refused().get(1).reason()).contains("<5.4");
        assertThat(p.refused().get(2).reason()).contains("constraints file", "pkg:pypi/requests@2.25.0");
    }

    @Test
    void aConstraintsFileTakesTransitivePins() {
        Patched p = patch("constraints.txt", "idna==2.7\n",
                upgrade("pkg:pypi/idna", "2.7", "3.7", APP, "pkg:pypi/requests@2.25.0", "pkg:pypi/idna@2.7"),
                upgrade("pkg:pypi/certifi", "2022.12.7", "2024.7.4", APP, "pkg:pypi/requests@2.25.0",
                        "pkg:pypi/certifi@2022.12.7"));
        assertThat(p.after()).isEqualTo("idna==3.7\ncertifi==2024.7.4\n");
    }

    private static final String GO_MOD = """
            module example.com/payments

            go 1.21

            require (
            \tgithub.com/opencontainers/runc v1.1.3
            \tgolang.org/x/net v0.7.0 // indirect
            )

            require github.com/gin-gonic/gin v1.5.0

            replace github.com/gorilla/websocket => github.com/acme/websocket v1.4.3-patched

            replace (
            \tgolang.org/x/text v0.3.0 => ../text
            )
            """;

    @Test
    void goModRequireLinesAreBumpedAndReplacedModulesRefused() {
        Patched p = patch("go.mod", GO_MOD,
                upgrade("pkg:golang/github.com/opencontainers/runc", "v1.1.3", "v1.1.14"),
                upgrade("pkg:golang/golang.org/x/net", "v0.7.0", "v0.23.0"),
                upgrade("pkg:golang/github.com/gin-gonic/gin", "v1.5.0", "v1.9.1"),
                upgrade("pkg:golang/github.com/gorilla/websocket", "v1.4.0", "v1.4.1"),
                upgrade("pkg:golang/golang.org/x/text", "v0.3.0", "v0.3.8"),
                upgrade("pkg:golang/golang.org/x/crypto", "v0.0.1", "v0.17.0", APP,
                        "pkg:golang/golang.org/x/net@v0.7.0", "pkg:golang/golang.org/x/crypto@v0.0.1"));
        assertThat(changes("go.mod", p)).containsExactly(
                "-\tgithub.com/opencontainers/runc v1.1.3",
                "-\tgolang.org/x/net v0.7.0 // indirect",
                "+\tgithub.com/opencontainers/runc v1.1.14",
                "+\tgolang.org/x/net v0.23.0 // indirect",
                "+\tgolang.org/x/crypto v0.17.0 // indirect",
                "-require github.com/gin-gonic/gin v1.5.0",
                "+require github.com/gin-gonic/gin v1.9.1");
        assertThat(p.refused()).extracting(r -> r.bump().displayName())
                .containsExactly("github.com/gorilla/websocket", "golang.org/x/text");
        assertThat(p.after()).contains("replace github.com/gorilla/websocket => github.com/acme/websocket v1.4.3-patched");
    }

    @Test
    void anUnknownManifestIsAUsageError() {
        assertThatThrownBy(() -> patch("build.gradle", "", upgrade("pkg:maven/a/b", "1", "2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pom.xml");
    }
}
