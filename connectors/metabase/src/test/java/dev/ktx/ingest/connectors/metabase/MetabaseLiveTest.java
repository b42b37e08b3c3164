package dev.ktx.ingest.connectors.metabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.ktx.ingest.connectors.http.TestApiClients;
import dev.ktx.ingest.core.config.MetabaseConnection;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.source.AdapterHarness;
import dev.ktx.ingest.core.source.FailedLiveRun;
import dev.ktx.ingest.core.source.SourceContext;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The live Metabase fetch against WireMock serving the acme snapshot the way the API does. */
class MetabaseLiveTest {

    private static final String API_KEY = "mb_live_s3cret";
    private static final String ARCHIVED_CARD = "cards/23.json";

    @RegisterExtension
    static final WireMockExtension METABASE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path dir;

    private final TestApiClients clients = new TestApiClients();

    @Test
    void aLiveFetchStagesTheSnapshotLayoutAndWritesTheSameWikiAndOverlays() throws Exception {
        Path snapshotDir = MetabaseFixture.copyDemo(dir.resolve("snapshot"));
        MetabaseFixture.write(snapshotDir, "cards/30.json", """
                {"id": 30, "name": "Tickets per day", "archived": false, "collection_id": null, "database_id": 3,
                 "dataset_query": {"database": 3, "type": "native", "native": {"query": "SELECT count(*) FROM tickets"}}}
                """);
        MetabaseStubs.serve(METABASE, snapshotDir);
        METABASE.stubFor(get(urlPathEqualTo("/api/card"))
                .inScenario("restart")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));

        AdapterHarness.Result snapshot = AdapterHarness.run(
                new MetabaseAdapter(), MetabaseFixture.context(snapshotDir), MetabaseFixture.warehouse());
        AdapterHarness.Result live =
                AdapterHarness.run(new MetabaseAdapter(clients.clients()), liveContext(), MetabaseFixture.warehouse());

        // GET /api/card does not list archived cards: the one archived card of the snapshot is all that differs.
        SortedMap<String, String> expected = snapshot.rawTexts();
        expected.remove(ARCHIVED_CARD);
        assertThat(live.rawTexts()).isEqualTo(expected);
        assertThat(live.snapshot().authoritative()).isTrue();
        assertThat(live.writes()).isEqualTo(snapshot.writes());
        assertThat(live.provenance())
                .isEqualTo(snapshot.provenance().stream()
                        .filter(row -> !row.rawPath().equals(ARCHIVED_CARD))
                        .toList());
        assertThat(live.provenance())
                .filteredOn(row -> row.action() == Action.UNMAPPED)
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::reason)
                .contains(tuple("card-30", "unmapped_database"));
        METABASE.verify(0, getRequestedFor(urlPathEqualTo("/api/database/3")));
        assertThat(clients.pauses()).hasSize(1);
        assertThat(METABASE.findAll(anyRequestedFor(anyUrl())))
                .allSatisfy(
                        request -> assertThat(request.getHeader("x-api-key")).isEqualTo(API_KEY));
    }

    @Test
    void aCardArchivedAfterItWasListedIsNotStaged() throws Exception {
        MetabaseStubs.serve(METABASE, MetabaseFixture.DEMO);
        METABASE.stubFor(get(urlPathEqualTo("/api/card")).willReturn(okJson("[{\"id\": 15}, {\"id\": 23}]")));

        AdapterHarness.Result live =
                AdapterHarness.run(new MetabaseAdapter(clients.clients()), liveContext(), MetabaseFixture.warehouse());

        assertThat(live.snapshot().files()).containsOnlyKeys("databases/2.json", "cards/15.json", "collections/5.json");
        METABASE.verify(getRequestedFor(urlPathEqualTo("/api/card/23")));
    }

    @Test
    void aRejectedKeyFailsTheRunAfterOneRequest() throws Exception {
        METABASE.stubFor(get(urlPathEqualTo("/api/database/2"))
                .willReturn(aResponse().withStatus(401).withBody("Unauthenticated")));

        String error = FailedLiveRun.run(dir, new MetabaseAdapter(clients.clients()), liveContext(), API_KEY);

        assertThat(error)
                .isEqualTo("fetch failed for connection prod_metabase: prod_metabase: Metabase rejected the "
                        + "credentials (HTTP 401)");
        assertThat(METABASE.getAllServeEvents()).hasSize(1);
    }

    private SourceContext liveContext() {
        MetabaseConnection connection = new MetabaseConnection(
                "prod_metabase",
                URI.create(METABASE.baseUrl()),
                Optional.of(new SecretRef.Env("METABASE_API_KEY")),
                Optional.empty(),
                new TreeMap<>(Map.of("2", "warehouse")));
        return AdapterHarness.context(connection, dir, name -> name.equals("METABASE_API_KEY") ? API_KEY : null);
    }
}
