package io.supplygraph.server;

import static io.supplygraph.server.UiPortfolio.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The web UI in a real headless Chromium, on the portfolio of {@link UiPortfolio}: what a person sees and clicks.
 * Each test saves a screenshot of the page it ends on under {@code target/ui-screenshots/}, and the load time of
 * every page it opens to {@code target/ui-screenshots/load-times.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {

    @TempDir
    static Path temp;

    private RunningServer server;
    private Browser browser;
    private final List<String> loadTimes = new ArrayList<>();

    @BeforeAll
    void startServerAndBrowser() {
        Browser.assumeInstalled();
        server = RunningServer.start(TestStores.fresh(Kind.SQLITE, temp), temp.resolve("spool"));
        UiPortfolio.uploadTo(server);
        browser = Browser.open(server.server.url(), 1280, 900);
    }

    @BeforeEach
    void desktopWidth() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    @AfterEach
    void recordLoadTime() {
        loadTimes.add(String.format(Locale.ROOT, "%-70s %8.1f ms", browser.driver.getCurrentUrl()
                .replace(server.server.url().toString(), "/"), browser.loadMillis()));
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        Files.createDirectories(Browser.SCREENSHOTS);
        Files.write(Browser.SCREENSHOTS.resolve("load-times.txt"), loadTimes);
    }

    @Test
    void overviewShowsCountsFindingsAndAMaliciousBannerThatCannotBeMissed() {
        browser.go("/");
        assertThat(browser.text("h1")).isEqualTo("Portfolio");
        WebElement banner = browser.find("[role=alert]");
        assertThat(banner.getText()).contains("1 malicious package present").contains(EVIL).contains(MAL);
        assertThat(browser.text("dl.counts")).contains("Applications\n6").contains("Advisories\n3");
        assertThat(browser.driver.findElements(By.cssSelector("svg.bar rect"))).isNotEmpty();
        assertThat(browser.text("#findings-title + table")).contains("critical");
        assertThat(browser.text("#exposed-title ~ table")).contains(LOG4J_OLD);
        browser.screenshot("overview");
    }

    @Test
    void overviewFitsAPhoneWithoutScrollingSideways() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.go("/");
        browser.find("h1");
        long overflow = (Long) browser.script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("pixels the page is wider than the phone").isLessThanOrEqualTo(0);
        browser.screenshot("overview-phone");
    }

    @Test
    void searchingLog4jCoreReachesItsPackagePage() {
        browser.go("/");
        WebElement box = browser.find("#search-box");
        box.sendKeys("log4j-core", Keys.ENTER);
        browser.until(d -> d.getCurrentUrl().contains("/package?"));
        assertThat(browser.text("h1")).isEqualTo(LOG4J);
        String versions = browser.text("#versions-title ~ table");
        assertThat(versions).contains("2.14.1").contains("2.17.1").contains(GHSA);
        assertThat(versions.indexOf("2.14.1")).as("the ecosystem's order, newest first or last but not mixed")
                .isNotEqualTo(versions.indexOf("2.17.1"));
        assertThat(browser.text("#containing-title ~ table")).contains(REPORTS);
        browser.screenshot("package");
    }

    @Test
    void searchingAnIdOrADigestGoesStraightToItsPage() {
        browser.go("/search?q=" + CVE);
        browser.until(d -> d.getCurrentUrl().contains("/vuln/"));
        assertThat(browser.text("h1")).isEqualTo(GHSA);
        String digest = TestBoms.digest(UiPortfolio.documents().get("shop.cdx.json"));
        browser.go("/search?q=" + digest.substring("sha256:".length(), "sha256:".length() + 12));
        browser.until(d -> d.getCurrentUrl().contains("/documents/"));
        assertThat(browser.text("dl.facts")).contains(digest);
    }

    @Test
    void anApplicationShowsItsFindingsWithTheirVexStatus() {
        browser.go("/app?purl=" + BILLING);
        assertThat(browser.text("h1")).isEqualTo(BILLING);
        browser.screenshot("application");
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#findings-title ~ .scroll tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains(LOG4J_OLD).contains(GHSA).contains("critical")
                .contains("2.15.0").contains("affected").doesNotContain("not affected");
        assertThat(rows.get(1).getText()).contains(COMMONS).contains(COMMONS_ADVISORY).contains("medium")
                .contains("not affected").contains(JUSTIFICATION);
        assertThat(browser.text("ul.tree")).contains(COMMONS).doesNotContain(LOG4J_OLD);
        browser.find("ul.tree details details summary").sendKeys(Keys.ENTER);
        assertThat(browser.text("ul.tree")).as("expanded from the keyboard").contains(LOG4J_OLD);

        browser.go("/app?purl=" + PAYMENTS);
        assertThat(browser.text("#documents-title ~ ul")).contains("Inside " + IMAGE).contains("joined by purl");
        assertThat(browser.text("#findings-title ~ .scroll tbody tr")).as("VEX decides per application")
                .contains(LOG4J_OLD).contains("not affected\naffected elsewhere").contains(PAYMENTS_JUSTIFICATION);
    }

    @Test
    void aVulnerabilityShowsItsIdsRangesAndBlastRadius() {
        browser.go("/vuln/" + CVE);
        assertThat(browser.text(".ids")).contains(CVE).contains(GHSA);
        assertThat(browser.text("#affected-title ~ table")).contains(">= 2.0-beta9, < 2.15.0");
        assertThat(browser.text("article.advisory")).contains(CRITICAL);
        List<String> radius = browser.driver.findElements(By.cssSelector("#radius-title ~ table tbody td:first-child"))
                .stream().map(WebElement::getText).toList();
        assertThat(radius).as("through the nested payments SBOM; payments itself says it is not affected")
                .containsExactlyInAnyOrder(BILLING, IMAGE);
        browser.screenshot("vulnerability");
    }

    @Test
    void theApplicationsPageListsEachApplicationsReleasesWithTheirFindings() {
        browser.go("/");
        browser.find("nav a[href='/applications']").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/applications"));
        WebElement billing = browser.driver.findElements(By.cssSelector("table.applications tbody tr")).stream()
                .filter(r -> r.getText().contains("pkg:maven/acme/billing")).findFirst().orElseThrow();
        assertThat(billing.getText()).contains("1.0.0").contains("latest");
        List<WebElement> counts = billing.findElements(By.cssSelector("td.num"));
        assertThat(counts.get(0).getText()).as("documents").isEqualTo("1");
        assertThat(counts.get(3).getText()).as("log4shell, critical, reaches billing").isNotEqualTo("0");
        billing.findElement(By.cssSelector("td a")).click();
        browser.until(d -> d.getCurrentUrl().contains("/app?doc="));
        assertThat(browser.text("h1")).contains("billing");
        browser.go("/applications");
        browser.screenshot("applications");
    }

    @Test
    void fixFirstRanksTheUpgradesAndAnApplicationShowsItsOwnPlan() {
        browser.go("/");
        browser.find("nav a[href='/fix']").click();
        browser.until(d -> d.getCurrentUrl().endsWith("/fix"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows.get(0).getText()).as("malicious first").contains("pkg:npm/evil-pkg").contains("remove");
        WebElement log4j = rows.stream().filter(r -> r.getText().contains(LOG4J)).findFirst().orElseThrow();
        assertThat(log4j.getText()).contains("2.14.1 → 2.15.0").contains(GHSA);
        assertThat(log4j.findElements(By.cssSelector("td.num")).get(2).getText())
                .as("billing and the payments image: payments' own VEX clears it").isEqualTo("2");
        browser.screenshot("fix-first");

        browser.go("/app?purl=" + BILLING);
        String plan = browser.text("#plan-title ~ .scroll table");
        assertThat(plan).contains(LOG4J).contains("2.14.1 → 2.15.0").as("brought in by acme commons")
                .contains(COMMONS);
        browser.go("/app?purl=" + PAYMENTS);
        assertThat(browser.text("#plan-title ~ p")).as("payments' own VEX clears log4shell there")
                .contains("Nothing to upgrade");
    }

    @Test
    void thePathViewDrawsTheGraph() {
        String payments = TestBoms.digest(UiPortfolio.documents().get("billing.cdx.json"));
        browser.go("/path?from=" + payments + "&to=" + LOG4J_OLD);
        WebElement graph = browser.find("#path-graph");
        browser.until(d -> graph.getAttribute("data-nodes") != null);
        assertThat(graph.getAttribute("data-nodes")).as("nodes cytoscape drew").isEqualTo(
                String.valueOf(browser.driver.findElements(By.cssSelector("#path-nodes tbody tr")).size()));
        assertThat(Integer.parseInt(graph.getAttribute("data-nodes"))).isGreaterThanOrEqualTo(3);
        assertThat(browser.find("#path-nodes tbody tr").getAttribute("data-kind")).isEqualTo("document");
        assertThat(graph.findElements(By.tagName("canvas"))).isNotEmpty();
        assertThat(browser.text("#path-hops")).contains(COMMONS).contains(LOG4J_OLD);
        browser.screenshot("path");
    }

    @Test
    void anSbomUploadedThroughThePageWithATokenIsListed() throws IOException {
        String subject = "pkg:maven/acme/uploaded-through-the-page@7.0";
        Path file = temp.resolve("uploaded.cdx.json");
        Files.writeString(file, TestBoms.application(subject).depends(subject, LOG4J_NEW).json());
        uploadThroughThePage(file, server.writeToken, "", "", "ingested");
        assertThat(browser.text("#upload-results tbody")).contains("uploaded.cdx.json").contains("cyclonedx-json");
        browser.go("/documents");
        assertThat(browser.text("#list-title ~ .scroll table")).contains(subject);
        browser.screenshot("documents");
    }

    @Test
    void anUploadThroughThePageNamesItsApplicationAndRelease() throws IOException {
        Path file = temp.resolve("named.cdx.json");
        Files.writeString(file, TestBoms.application("pkg:maven/acme/named-on-the-page@1.0")
                .depends("pkg:maven/acme/named-on-the-page@1.0", LOG4J_NEW).json());
        uploadThroughThePage(file, server.writeToken, "page-billing", "2026.11", "ingested");

        JsonNode named = null;
        for (JsonNode application : server.get("/api/v1/applications", server.readToken).body().path("items")) {
            named = application.path("application").asText().equals("page-billing") ? application : named;
        }
        assertThat(named).as("the application the page named").isNotNull();
        assertThat(named.path("releases").get(0).path("release").asText()).isEqualTo("2026.11");
    }

    @Test
    void aReleaseWithoutAnApplicationIsRefusedOnThePageWithTheReason() throws IOException {
        Path file = temp.resolve("unnamed.cdx.json");
        Files.writeString(file, TestBoms.application("pkg:maven/acme/unnamed@1.0").json());
        uploadThroughThePage(file, server.writeToken, "", "2026.11", "rejected");
        assertThat(browser.text("#upload-results tbody")).contains("app");
    }

    @Test
    void anUploadWithoutAWriteTokenIsRefusedOnThePage() throws IOException {
        Path file = temp.resolve("refused.cdx.json");
        Files.writeString(file, TestBoms.application("pkg:maven/acme/refused@1.0").json());
        uploadThroughThePage(file, server.readToken, "", "", "rejected");
        assertThat(browser.text("#upload-results tbody")).contains("scope");
    }

    /** Uploads a file through the documents page's form, and waits until its result row says {@code outcome}. */
    private void uploadThroughThePage(Path file, String token, String application, String release, String outcome) {
        browser.go("/documents");
        browser.find("#token").clear();
        browser.find("#token").sendKeys(token);
        browser.find("#upload-app").sendKeys(application);
        browser.find("#upload-release").sendKeys(release);
        browser.find("#files").sendKeys(file.toAbsolutePath().toString());
        browser.until(d -> browser.text("#upload-results tbody").contains(outcome));
    }

    @Test
    void aDocumentIsDeletedFromItsPageOnceConfirmed() throws IOException {
        String subject = "pkg:maven/acme/to-be-deleted@1.0";
        String bom = TestBoms.application(subject).depends(subject, LOG4J_NEW).json();
        assertThat(server.upload("delete-me.cdx.json", bom, server.writeToken).status()).isEqualTo(201);
        String digest = TestBoms.digest(bom);
        browser.go("/documents/" + digest);
        browser.find("#token").clear();
        browser.find("#token").sendKeys(server.writeToken);
        browser.find("#delete button").click();
        browser.until(d -> d.switchTo().alert()).dismiss();
        assertThat(server.get("/api/v1/documents/" + digest, server.readToken).status()).as("not confirmed")
                .isEqualTo(200);
        browser.find("#delete button").click();
        browser.until(d -> d.switchTo().alert()).accept();
        browser.until(d -> browser.text("#delete-result").startsWith("Deleted"));
        assertThat(server.get("/api/v1/documents/" + digest, server.readToken).status()).isEqualTo(404);
    }

    @Test
    void markupFromADocumentIsShownAsTextAndNeverRuns() {
        browser.go("/documents");
        assertThat(browser.text("#list-title ~ .scroll table")).contains(SCRIPT_NAME + "@1.0");
        browser.go("/app?doc=" + TestBoms.digest(UiPortfolio.markupBom()));
        assertThat(browser.text("h1")).isEqualTo(SCRIPT_NAME + "@1.0");
        assertThat(browser.text("ul.tree")).contains(IMG_NAME.substring(1, 4));
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.driver.findElements(By.cssSelector("main script, main img"))).isEmpty();
        browser.screenshot("markup-as-text");
    }
}
