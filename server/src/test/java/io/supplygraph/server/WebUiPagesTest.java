package io.supplygraph.server;

import static io.supplygraph.server.UiPortfolio.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.supplygraph.store.TestStores;
import io.supplygraph.store.TestStores.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The UI's pages over HTTP, without a browser, on SQLite and PostgreSQL: each page answers, escapes what documents
 * say, sends its Content-Security-Policy, and on a server that wants tokens for reading, asks for one first.
 */
class WebUiPagesTest {

    @TempDir
    Path temp;

    @RegisterExtension
    final Servers servers = new Servers();
    private final HttpClient http = HttpClient.newHttpClient();

    private RunningServer server(Kind kind, boolean anonymousRead) {
        RunningServer s = servers.start(TestStores.fresh(kind, temp), temp.resolve("spool-" + kind),
                o -> o.withAnonymousRead(anonymousRead));
        UiPortfolio.uploadTo(s);
        return s;
    }

    private HttpResponse<String> get(RunningServer s, String pathAndQuery, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(s.server.url().resolve(pathAndQuery));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyPageAnswersAsHtmlWithAContentSecurityPolicy(Kind kind) {
        RunningServer s = server(kind, true);
        String billing = TestBoms.digest(UiPortfolio.documents().get("billing.cdx.json"));
        for (String page : List.of("/", "/search?q=acme", "/app?purl=" + q(BILLING), "/app?doc=" + billing,
                "/package?purl=" + q(LOG4J), "/package?purl=" + q(LOG4J_OLD), "/vuln/" + CVE,
                "/path?from=" + billing + "&to=" + q(LOG4J_OLD), "/documents", "/documents?kind=advisory",
                "/documents/" + billing, "/fix", "/fix?sort=-risk", "/applications", "/applications?q=acme")) {
            HttpResponse<String> response = get(s, page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(page).startsWith("text/html");
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).as(page)
                    .contains("script-src 'self'").contains("frame-ancestors 'none'");
            assertThat(response.body().stripLeading()).as(page).startsWith("<!DOCTYPE html>").doesNotContain("<script>alert");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void markupInADocumentIsEscapedWherePagesShowIt(Kind kind) {
        RunningServer s = server(kind, true);
        String markup = TestBoms.digest(UiPortfolio.markupBom());
        for (String page : List.of("/documents", "/documents/" + markup, "/app?doc=" + markup, "/applications",
                "/search?q=script",
                "/search?q=" + q(SCRIPT_NAME))) {
            String body = get(s, page).body();
            assertThat(body).as(page).doesNotContain(SCRIPT_NAME).doesNotContain(IMG_NAME);
        }
        assertThat(get(s, "/documents").body()).contains("&lt;script&gt;alert(1)&lt;/script&gt;@1.0");
        assertThat(get(s, "/app?doc=" + markup).body()).contains("&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void whatIsNotThereIsAPageSayingSoNotAProblemDocument() {
        RunningServer s = server(Kind.SQLITE, true);
        HttpResponse<String> vuln = get(s, "/vuln/CVE-1999-0001");
        assertThat(vuln.statusCode()).isEqualTo(404);
        assertThat(vuln.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(vuln.body()).contains("no stored advisory has the id or alias CVE-1999-0001");
        HttpResponse<String> missing = get(s, "/app");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("this page needs the parameter 'purl'");
    }

    @Test
    void advisoriesHaveATabOfTheirOwnPagedAndFilteredById() {
        RunningServer s = server(Kind.SQLITE, true);
        String documents = get(s, "/documents").body();
        assertThat(documents).contains(BILLING).doesNotContain(GHSA).doesNotContain(MAL);
        String advisories = get(s, "/documents?kind=advisory").body();
        assertThat(advisories).contains(GHSA).contains(MAL).contains(COMMONS_ADVISORY).doesNotContain(BILLING)
                .contains("1–3 of 3 documents");
        String filtered = get(s, "/documents?kind=advisory&q=mal-").body();
        assertThat(filtered).contains(MAL).doesNotContain(GHSA).contains("1–1 of 1 document");
        assertThat(get(s, "/documents?kind=advisory&limit=1&offset=1").body()).contains("2–2 of 3 documents");
    }

    @Test
    void aSearchWithOneMatchGoesStraightToItsPage() {
        RunningServer s = server(Kind.SQLITE, true);
        HttpResponse<String> byId = get(s, "/search?q=" + MAL);
        assertThat(byId.statusCode()).isEqualTo(302);
        assertThat(byId.headers().firstValue("Location")).hasValue("/vuln/" + MAL);
        HttpResponse<String> byName = get(s, "/search?q=acme");
        assertThat(byName.statusCode()).as("several applications and packages: candidates").isEqualTo(200);
        assertThat(byName.body()).contains(PAYMENTS).contains(BILLING).contains(REPORTS);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServerThatWantsTokensForReadingAsksPeopleToSignIn(Kind kind) throws Exception {
        RunningServer s = server(kind, false);
        HttpResponse<String> page = get(s, "/package?purl=" + q(LOG4J));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow())
                .as("the page asked for, exactly as it was asked for").isEqualTo("/sign-in?next=" + q("/package?purl="
                        + q(LOG4J)));

        HttpResponse<String> wrong = signIn(s, "not-a-token", "/");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("That token is not known");

        HttpResponse<String> signedIn = signIn(s, s.readToken, "//evil.example/");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).as("only a path on this server").hasValue("/");
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String session = cookie.substring(0, cookie.indexOf(';'));
        assertThat(get(s, "/package?purl=" + q(LOG4J), "Cookie", session).statusCode()).isEqualTo(200);

        HttpResponse<String> write = http.send(HttpRequest.newBuilder(s.server.url().resolve("/api/v1/documents"))
                .header("Cookie", session).POST(HttpRequest.BodyPublishers.ofString(
                        TestBoms.application("pkg:maven/acme/forged@1.0").json())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).as("a cookie never writes").isEqualTo(401);
    }

    private HttpResponse<String> signIn(RunningServer s, String token, String next) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.server.url() + "sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + q(token) + "&next=" + q(next))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
