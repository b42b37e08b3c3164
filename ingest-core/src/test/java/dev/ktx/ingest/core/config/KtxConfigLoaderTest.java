package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KtxConfigLoaderTest {

    private static final Path PROJECT = Path.of("/projects/acme");

    /** The example of docs/connectors.md, with a real page id. */
    static final String DOCS_EXAMPLE = """
            connections:
              warehouse: { driver: postgres, url: env:WAREHOUSE_URL, context: { queryHistory: { enabled: true, minExecutions: 5 } } }
              analytics_dbt: { driver: dbt, source_dir: ./dbt }
              prod_metabase: { driver: metabase, api_url: https://mb.example.com, api_key: env:METABASE_API_KEY,
                               mappings: { databaseMappings: { "2": warehouse } } }
              docs: { driver: notion, auth_token: env:NOTION_TOKEN, root_page_ids: [ "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" ] }
            ingest:
              sources: { maxConcurrency: 4 }      # 1..64, default 1
              workUnits: { maxConcurrency: 2 }    # per source run, default 1
            """;

    private final KtxConfigLoader loader = new KtxConfigLoader();

    @Test
    void readsTheDocsExample() {
        KtxConfig config = loader.parse(DOCS_EXAMPLE, PROJECT);

        assertThat(config.connections()).containsOnlyKeys("analytics_dbt", "docs", "prod_metabase", "warehouse");
        assertThat(config.connections().firstKey()).isEqualTo("analytics_dbt");
        assertThat(config.ingest())
                .isEqualTo(new IngestSettings(
                        4, 2, Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofSeconds(30), List.of()));
        assertThat(config.connection("warehouse"))
                .contains(new PostgresConnection(
                        "warehouse",
                        new PostgresUrlSetting.Referenced(new SecretRef.Env("WAREHOUSE_URL")),
                        List.of(),
                        List.of(),
                        new QueryHistorySettings(true, 5)));
        assertThat(config.connection("analytics_dbt"))
                .contains(new DbtConnection(
                        "analytics_dbt", new DbtProject.LocalDir(Path.of("/projects/acme/dbt")), "warehouse"));
        assertThat(config.connection("prod_metabase"))
                .contains(new MetabaseConnection(
                        "prod_metabase",
                        URI.create("https://mb.example.com"),
                        Optional.of(new SecretRef.Env("METABASE_API_KEY")),
                        Optional.empty(),
                        new TreeMap<>(Map.of("2", "warehouse"))));
        assertThat(config.connection("docs"))
                .contains(new NotionConnection(
                        "docs",
                        URI.create("https://api.notion.com"),
                        Optional.of(new SecretRef.Env("NOTION_TOKEN")),
                        List.of("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
                        NotionConnection.CrawlMode.TREE,
                        OptionalInt.empty(),
                        Optional.empty()));
        assertThat(config.connection("warehouse").map(ConnectionConfig::driver)).contains(Driver.POSTGRES);
    }

    @Test
    void readsTheNotionLiveOptions() {
        KtxConfig config = loader.parse("""
                connections:
                  docs: { driver: notion, auth_token: env:NOTION_TOKEN, api_url: "http://localhost:8089/notion",
                          root_page_ids: [c47a1e923b5d4f608e2791d4b6a0c3f5], crawl_mode: search, max_pages_per_run: 50 }
                  all: { driver: notion, auth_token: env:NOTION_TOKEN }
                """, PROJECT);

        NotionConnection docs = (NotionConnection) config.connections().get("docs");
        assertThat(docs.apiUrl()).isEqualTo(URI.create("http://localhost:8089/notion"));
        assertThat(docs.crawlMode()).isEqualTo(NotionConnection.CrawlMode.SEARCH);
        assertThat(docs.maxPagesPerRun()).hasValue(50);
        NotionConnection all = (NotionConnection) config.connections().get("all");
        assertThat(all.crawlMode()).isEqualTo(NotionConnection.CrawlMode.SEARCH);
        assertThat(all.maxPagesPerRun()).isEmpty();
    }

    @Test
    void appliesDefaults() {
        KtxConfig config = loader.parse("""
                connections:
                  warehouse: { driver: postgres, url: "postgresql://ktx@db:5432/acme" }
                """, PROJECT);

        assertThat(config.ingest()).isEqualTo(IngestSettings.DEFAULTS);
        assertThat(IngestSettings.DEFAULTS)
                .isEqualTo(new IngestSettings(
                        1, 1, Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofSeconds(30), List.of()));
        PostgresConnection warehouse = (PostgresConnection) config.connections().get("warehouse");
        assertThat(warehouse.queryHistory()).isEqualTo(new QueryHistorySettings(false, 5));
        assertThat(warehouse.schemas()).isEmpty();
        assertThat(warehouse.enabledTables()).isEmpty();
    }

    @Test
    void readsDeadlines() {
        KtxConfig config = loader.parse("ingest: { runTimeout: 1h30m, targetSilenceLimit: 45s }\n", PROJECT);

        assertThat(config.ingest().runTimeout()).isEqualTo(Duration.ofMinutes(90));
        assertThat(config.ingest().targetSilenceLimit()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void emptyConnectionsAndIngestAreAllowed() {
        KtxConfig config = loader.parse("connections: {}\n", PROJECT);

        assertThat(config.connections()).isEmpty();
        assertThat(config.ingest()).isEqualTo(IngestSettings.DEFAULTS);
    }

    @Test
    void readsPostgresOptions() {
        KtxConfig config = loader.parse("""
                connections:
                  warehouse:
                    driver: postgres
                    url: jdbc:postgresql://db:5432/acme?user=ktx
                    schemas: [public, sales]
                    enabled_tables: [public.orders, sales.invoices]
                    context: { queryHistory: { minExecutions: 20 } }
                """, PROJECT);

        PostgresConnection warehouse = (PostgresConnection) config.connections().get("warehouse");
        assertThat(warehouse.schemas()).containsExactly("public", "sales");
        assertThat(warehouse.enabledTables()).containsExactly("public.orders", "sales.invoices");
        assertThat(warehouse.queryHistory()).isEqualTo(new QueryHistorySettings(false, 20));
        assertThat(warehouse.url().resolve(name -> null).jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/acme");
    }

    @Test
    void resolvesRelativePathsAgainstTheProjectDirectory() {
        KtxConfig config = loader.parse("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                  dbt: { driver: dbt, source_dir: transform/../dbt }
                  mb: { driver: metabase, api_url: "http://localhost:3000", snapshot_dir: snapshots/../mb }
                  notes: { driver: notion, snapshot_dir: /projects/acme/snapshots/notion }
                """, PROJECT);

        assertThat(((DbtConnection) config.connections().get("dbt")).project())
                .isEqualTo(new DbtProject.LocalDir(Path.of("/projects/acme/dbt")));
        assertThat(((MetabaseConnection) config.connections().get("mb")).snapshotDir())
                .contains(Path.of("/projects/acme/mb"));
        NotionConnection notes = (NotionConnection) config.connections().get("notes");
        assertThat(notes.snapshotDir()).contains(Path.of("/projects/acme/snapshots/notion"));
        assertThat(notes.authToken()).isEmpty();
        assertThat(notes.rootPageIds()).isEmpty();
    }

    @Test
    void readsADbtProjectFromGitWithAnExplicitTargetConnection() {
        KtxConfig config = loader.parse("""
                connections:
                  a_wh: { driver: postgres, url: env:A }
                  b_wh: { driver: postgres, url: env:B }
                  dbt:
                    driver: dbt
                    repo_url: https://github.com/acme/analytics.git
                    token: env:DBT_GIT_TOKEN
                    branch: main
                    path: transform
                    target_connection: b_wh
                """, PROJECT);

        assertThat(config.connections().get("dbt"))
                .isEqualTo(new DbtConnection(
                        "dbt",
                        new DbtProject.GitRepo(
                                "https://github.com/acme/analytics.git",
                                "main",
                                "transform",
                                Optional.of(new SecretRef.Env("DBT_GIT_TOKEN"))),
                        "b_wh"));
    }

    @Test
    void loadsKtxYamlFromTheProjectDirectory(@TempDir Path projectDir) throws Exception {
        Files.writeString(projectDir.resolve("ktx.yaml"), DOCS_EXAMPLE);

        KtxConfig config = loader.load(projectDir);

        assertThat(config).isEqualTo(loader.parse(DOCS_EXAMPLE, projectDir));
        assertThat(((DbtConnection) config.connections().get("analytics_dbt")).project())
                .isEqualTo(new DbtProject.LocalDir(projectDir.resolve("dbt")));
    }
}
