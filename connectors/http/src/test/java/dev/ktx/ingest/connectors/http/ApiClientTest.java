package dev.ktx.ingest.connectors.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ktx.ingest.core.connector.ConnectorSettings;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.retry.TransientFailures;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client against a real HTTP server (WireMock) answering like Notion does, failures included. */
class ApiClientTest {

    private static final String TOKEN = "secret_notion_t0ken";
    private static final String PAGE = "/v1/pages/c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5";
    private static final String PAGE_JSON = "{\"object\": \"page\", \"id\": \"c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5\"}";

    @RegisterExtension
    static final WireMockExtension NOTION = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final TestApiClients clients = new TestApiClients();

    @Test
    void sendsTheHeadersAndReturnsTheBodyAsReceived() throws Exception {
        NOTION.stubFor(get(PAGE).willReturn(okJson(PAGE_JSON)));

        ApiResponse response = client(clients).get(PAGE);

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE_JSON);
        assertThat(response.json().path("object").asText()).isEqualTo("page");
        NOTION.verify(getRequestedFor(urlPathEqualTo(PAGE))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Notion-Version", equalTo("2022-06-28"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void a429IsRetriedAfterItsRetryAfterSeconds() throws Exception {
        failOnceThenAnswer(aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "7")
                .withBody("{\"object\": \"error\", \"status\": 429, \"code\": \"rate_limited\"}"));

        assertThat(client(clients).get(PAGE).json().path("id").asText())
                .isEqualTo("c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5");
        assertThat(clients.pauses()).containsExactly(Duration.ofSeconds(7));
        NOTION.verify(2, getRequestedFor(urlPathEqualTo(PAGE)));
    }

    @Test
    void aRetryAfterDateIsAPauseUntilThen() throws Exception {
        String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                TestApiClients.NOW.plusSeconds(12).atZone(ZoneOffset.UTC));
        failOnceThenAnswer(aResponse().withStatus(503).withHeader("Retry-After", inTwelveSeconds));

        client(clients).get(PAGE);

        assertThat(clients.pauses()).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void a5xxWithoutRetryAfterBacksOffWithJitterThenSucceeds() throws Exception {
        failOnceThenAnswer(aResponse().withStatus(502).withBody("<html>Bad gateway</html>"));

        client(clients).get(PAGE);

        // Between half and all of the initial back-off.
        assertThat(clients.pauses())
                .singleElement()
                .satisfies(pause -> assertThat(pause).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1)));
    }

    @Test
    void aServerThatKeepsFailingFailsAfterTheAttemptsForGood() {
        NOTION.stubFor(get(urlPathEqualTo(PAGE)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> client(clients).get(PAGE + "?filter=x"))
                .isInstanceOf(ApiException.class)
                .hasMessage("docs: Notion GET " + PAGE + " failed after 3 attempts: HTTP 500")
                // The worker must not run the whole job again: the client has retried already.
                .matches(failure -> !TransientFailures.isTransient(failure));
        NOTION.verify(3, getRequestedFor(urlPathEqualTo(PAGE)));
        assertThat(clients.pauses()).hasSize(2);
    }

    @Test
    void theWorkersSettingsBoundTheAttempts() {
        NOTION.stubFor(get(urlPathEqualTo(PAGE)).willReturn(aResponse().withStatus(503)));
        ConnectorSettings defaults = ConnectorSettings.DEFAULTS;
        ApiClients configured = ApiClients.of(new ConnectorSettings(
                Optional.empty(),
                defaults.httpConnectTimeout(),
                defaults.httpRequestTimeout(),
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))));

        assertThatThrownBy(() -> configured
                        .client("docs", "Notion", URI.create(NOTION.baseUrl()), Map.of())
                        .get(PAGE))
                .hasMessage("docs: Notion GET " + PAGE + " failed after 2 attempts: HTTP 503");
        NOTION.verify(2, getRequestedFor(urlPathEqualTo(PAGE)));
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void rejectedCredentialsFailAtOnceNamingTheConnection(int status) {
        NOTION.stubFor(get(PAGE)
                .willReturn(aResponse()
                        .withStatus(status)
                        .withBody("{\"object\": \"error\", \"status\": " + status + ", \"code\": \"unauthorized\"}")));

        assertThatThrownBy(() -> client(clients).get(PAGE))
                .isInstanceOf(ApiException.class)
                .hasMessage("docs: Notion rejected the credentials (HTTP " + status + ")");
        NOTION.verify(1, getRequestedFor(urlPathEqualTo(PAGE)));
        assertThat(clients.pauses()).isEmpty();
    }

    @Test
    void malformedJsonFailsNamingThePathButNotTheQueryString() {
        String children = "/v1/blocks/79350929-e5bd-4c26-b39c-81a7c6d1dc2b/children";
        NOTION.stubFor(get(urlPathEqualTo(children)).willReturn(okJson("{\"object\": \"list\", \"results\": [")));

        assertThatThrownBy(() -> client(clients).get(children + "?page_size=100&start_cursor=abc"))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("docs: Notion GET " + children + " returned malformed JSON: ")
                .message()
                .doesNotContain("page_size", "start_cursor", TOKEN);
        NOTION.verify(1, getRequestedFor(urlPathEqualTo(children)));
    }

    @Test
    void aReadTimeoutIsRetriedThenFails() {
        TestApiClients impatient = new TestApiClients(Duration.ofMillis(200));
        NOTION.stubFor(get(PAGE).willReturn(okJson(PAGE_JSON).withFixedDelay(1_000)));

        assertThatThrownBy(() -> client(impatient).get(PAGE))
                .isInstanceOf(ApiException.class)
                .hasMessage("docs: Notion GET " + PAGE + " failed after 3 attempts: timed out after 200ms");
        assertThat(impatient.pauses()).hasSize(2);
    }

    @Test
    void anotherClientErrorFailsAtOnceWithTheApisErrorCode() {
        NOTION.stubFor(get(PAGE).willReturn(aResponse().withStatus(404).withBody("""
                {"object": "error", "status": 404, "code": "object_not_found",
                 "message": "Could not find page with ID: c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5."}""")));

        assertThatThrownBy(() -> client(clients).get(PAGE))
                .hasMessage("docs: Notion GET " + PAGE + " returned HTTP 404 (object_not_found)");
        NOTION.verify(1, getRequestedFor(urlPathEqualTo(PAGE)));
    }

    /** A redirect could take the token to another host. */
    @Test
    void redirectsAreNotFollowed() {
        NOTION.stubFor(
                get(PAGE).willReturn(aResponse().withStatus(302).withHeader("Location", "http://elsewhere.example/")));

        assertThatThrownBy(() -> client(clients).get(PAGE))
                .hasMessage("docs: Notion GET " + PAGE + " returned HTTP 302");
    }

    private static ApiClient client(TestApiClients clients) {
        return clients.clients()
                .client(
                        "docs",
                        "Notion",
                        URI.create(NOTION.baseUrl() + "/"),
                        Map.of("Authorization", "Bearer " + TOKEN, "Notion-Version", "2022-06-28"));
    }

    private static void failOnceThenAnswer(ResponseDefinitionBuilder failure) {
        NOTION.stubFor(get(PAGE)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure)
                .willSetStateTo("recovered"));
        NOTION.stubFor(
                get(PAGE).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(okJson(PAGE_JSON)));
    }
}
