package dev.ktx.ingest.connectors.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.ktx.ingest.connectors.notion.NotionAdapterTest.PAGE_A;
import static dev.ktx.ingest.connectors.notion.NotionAdapterTest.PAGE_B;
import static dev.ktx.ingest.connectors.notion.NotionAdapterTest.PAGE_C;
import static dev.ktx.ingest.connectors.notion.NotionFixture.block;
import static dev.ktx.ingest.connectors.notion.NotionFixture.childPage;
import static dev.ktx.ingest.connectors.notion.NotionFixture.paragraph;
import static dev.ktx.ingest.connectors.notion.NotionFixture.richText;
import static dev.ktx.ingest.connectors.notion.NotionFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ktx.ingest.connectors.http.TestApiClients;
import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.config.NotionConnection.CrawlMode;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.source.AdapterHarness;
import dev.ktx.ingest.core.source.FailedLiveRun;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SourceContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live Notion fetch against WireMock serving snapshots the way the API does (pages of 2 results). */
class NotionLiveTest {

    private static final Path DEMO_NOTION = NotionAdapterTest.DEMO_PROJECT.resolve("snapshots/notion");
    private static final String TOKEN = "secret_notion_t0ken";
    private static final String PAGE_D = "44444444-dddd-4ddd-8ddd-dddddddddddd";

    @RegisterExtension
    static final WireMockExtension NOTION = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path dir;

    private final TestApiClients clients = new TestApiClients();

    @Test
    void aLiveSearchCrawlStagesTheSnapshotByteForByteAndWritesTheSameWiki() throws Exception {
        new NotionStubs(NOTION, 2).serve(DEMO_NOTION);
        String firstBlocks = "/v1/blocks/2d9e6b14-7a3f-4c81-b5d2-0f6a9e3c7b58/children";
        NOTION.stubFor(get(urlPathEqualTo(firstBlocks))
                .withQueryParam("start_cursor", absent())
                .inScenario("rate limit")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));

        AdapterHarness.Result snapshot = AdapterHarness.run(
                new NotionAdapter(),
                AdapterHarness.context(NotionFixture.snapshot(DEMO_NOTION), dir),
                new InMemoryRepoTree());
        AdapterHarness.Result live = AdapterHarness.run(
                new NotionAdapter(clients.clients()),
                context(CrawlMode.SEARCH, List.of(), OptionalInt.empty()),
                new InMemoryRepoTree());

        assertThat(live.rawTexts()).isEqualTo(snapshot.rawTexts());
        assertThat(live.snapshot().authoritative()).isTrue();
        assertThat(live.writes()).isEqualTo(snapshot.writes());
        assertThat(live.provenance()).isEqualTo(snapshot.provenance());
        assertThat(clients.pauses()).containsExactly(Duration.ofSeconds(2));
        NOTION.verify(2, postRequestedFor(urlPathEqualTo("/v1/search")));
        assertThat(NOTION.findAll(anyRequestedFor(anyUrl()))).allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.getHeader("Notion-Version")).isEqualTo(NotionAdapter.NOTION_VERSION);
        });
    }

    @Test
    void aTreeCrawlFollowsChildPagesAndNestedBlocksAndACappedOneIsPartial() throws Exception {
        Path snapshotDir = dir.resolve("snapshot");
        new NotionFixture(snapshotDir)
                .page(
                        PAGE_A,
                        "Handbook",
                        paragraph(text("Start here.")),
                        childPage(PAGE_B, "Metrics"),
                        block("toggle", richText(text("More")), paragraph(text("Nested detail."))),
                        paragraph(text("End.")))
                .page(PAGE_B, "Metrics", paragraph(text("MRR rules.")), childPage(PAGE_C, "Churn"))
                .page(PAGE_C, "Churn", paragraph(text("Churn rules.")))
                .page(PAGE_D, "Elsewhere", paragraph(text("Not below the root.")));
        new NotionStubs(NOTION, 2).serve(snapshotDir);

        AdapterHarness.Result full = AdapterHarness.run(
                new NotionAdapter(clients.clients()),
                context(CrawlMode.TREE, List.of(PAGE_A.replace("-", "")), OptionalInt.empty()),
                new InMemoryRepoTree());
        RawSnapshot capped =
                new NotionAdapter(clients.clients()).fetch(context(CrawlMode.TREE, List.of(PAGE_A), OptionalInt.of(2)));

        assertThat(full.snapshot().authoritative()).isTrue();
        assertThat(full.writes())
                .containsOnlyKeys("wiki/global/handbook.md", "wiki/global/metrics.md", "wiki/global/churn.md");
        assertThat(full.text("wiki/global/handbook.md")).endsWith("""
                # Handbook

                Start here.

                [[metrics]]

                - More
                  Nested detail.

                End.
                """);
        assertThat(capped.partial()).contains("max_pages_per_run 2 reached");
        assertThat(capped.files())
                .containsOnlyKeys(
                        "pages/" + PAGE_A + "/page.json",
                        "pages/" + PAGE_A + "/blocks.json",
                        "pages/" + PAGE_B + "/page.json",
                        "pages/" + PAGE_B + "/blocks.json");
        assertThat(NOTION.findAll(postRequestedFor(urlPathEqualTo("/v1/search"))))
                .isEmpty();
    }

    @Test
    void malformedJsonFailsTheRunNamingThePathAndWritesNothing() throws Exception {
        NOTION.stubFor(get(urlPathEqualTo("/v1/pages/" + PAGE_A))
                .willReturn(okJson("{\"object\": \"page\", \"id\": \"" + PAGE_A + "\", \"properties\": ")));

        String error = FailedLiveRun.run(
                dir,
                new NotionAdapter(clients.clients()),
                context(CrawlMode.TREE, List.of(PAGE_A), OptionalInt.empty()),
                TOKEN);

        assertThat(error)
                .startsWith("fetch failed for connection docs: docs: Notion GET /v1/pages/" + PAGE_A
                        + " returned malformed JSON: ");
    }

    @Test
    void aRejectedTokenFailsTheRunWithOneRequest() throws Exception {
        NOTION.stubFor(
                get(urlPathEqualTo("/v1/pages/" + PAGE_A))
                        .willReturn(
                                aResponse()
                                        .withStatus(401)
                                        .withBody(
                                                "{\"object\": \"error\", \"status\": 401, \"code\": \"unauthorized\", \"message\": \"API token is invalid.\"}")));

        String error = FailedLiveRun.run(
                dir,
                new NotionAdapter(clients.clients()),
                context(CrawlMode.TREE, List.of(PAGE_A), OptionalInt.empty()),
                TOKEN);

        assertThat(error)
                .isEqualTo("fetch failed for connection docs: docs: Notion rejected the credentials (HTTP 401)");
        assertThat(NOTION.getAllServeEvents()).hasSize(1);
    }

    private SourceContext context(CrawlMode mode, List<String> roots, OptionalInt maxPages) {
        NotionConnection connection = new NotionConnection(
                "docs",
                URI.create(NOTION.baseUrl()),
                Optional.of(new SecretRef.Env("NOTION_TOKEN")),
                roots,
                mode,
                maxPages,
                Optional.empty());
        return AdapterHarness.context(connection, dir, name -> name.equals("NOTION_TOKEN") ? TOKEN : null);
    }
}
