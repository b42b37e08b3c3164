package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.PostgresUrl;
import dev.ktx.ingest.core.config.PostgresUrlSetting;
import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.database.DatabaseCatalog;
import dev.ktx.ingest.core.database.DatabaseIngest;
import dev.ktx.ingest.core.database.DatabaseIngestException;
import dev.ktx.ingest.core.database.DatabaseIngestResult;
import dev.ktx.ingest.core.database.DatabaseSchemaIngest;
import dev.ktx.ingest.core.database.QueryPattern;
import dev.ktx.ingest.core.database.QueryPatternPages;
import dev.ktx.ingest.core.database.Trees;
import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.GateInput;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.EntryKind;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.TableUsage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.testinfra.PostgresEndpoint;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresDatabaseIngestIT {

    private static final SyncId SYNC = new SyncId(Instant.parse("2026-03-01T10:00:00Z"), "job1");
    private static final SyncId SYNC_2 = new SyncId(Instant.parse("2026-03-02T10:00:00Z"), "job2");
    private static final QueryHistorySettings HISTORY = new QueryHistorySettings(true, 5);
    private static final String PASSWORD = "s3cr3t-Pa55";

    private static Warehouse warehouse;

    private final DatabaseIngest ingest = new DatabaseIngest(new PostgresDatabaseConnector(), name -> null);

    @BeforeAll
    static void loadDemo() {
        warehouse = Warehouse.demo();
    }

    @Test
    void queryHistoryThatCannotBeReadFailsButTheSchemaStillCounts() {
        DatabaseIngestResult result =
                ingest.run(warehouse.connection(List.of(), List.of(), HISTORY), new InMemoryRepoTree(), SYNC);

        assertThat(result.schema()).isEqualTo(new StepResult(Step.DATABASE_SCHEMA, StepStatus.DONE, null));
        assertThat(result.queryHistory().status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.queryHistory().detail()).startsWith("query history needs pg_stat_statements: ");
        assertThat(result.changes().writes()).containsKey("semantic-layer/warehouse/_schema/public.yaml");
    }

    @Test
    void readableHistoryPutsUsageIntoTheShardsAndWritesPatternPagesThatPassTheGates() throws SQLException {
        Warehouse tracked = QueryHistoryIngestIT.tracked();
        QueryHistoryIngestIT.runTimes(tracked, HISTORY.minExecutions(), "SELECT name, monthly_price FROM plans");
        InMemoryRepoTree main = new InMemoryRepoTree();

        DatabaseIngestResult result = ingest.run(tracked.connection(List.of(), List.of(), HISTORY), main, SYNC);

        assertThat(result.queryHistory()).isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.DONE, null));
        InMemoryRepoTree session = Trees.apply(main, result.changes());
        assertThat(ManifestCodec.parse(session.readText("semantic-layer/warehouse/_schema/public.yaml")
                                .orElseThrow())
                        .tables()
                        .get("plans")
                        .usage())
                .isEqualTo(new TableUsage(5, new TreeMap<>(Map.of("name", 5L, "monthly_price", 5L))));
        String page = "wiki/global/"
                + QueryPatternPages.key(
                        "warehouse",
                        new QueryPattern(
                                "SELECT name, monthly_price FROM plans", List.of("public.plans"), 5, List.of()))
                + ".md";
        assertThat(WikiPageCodec.parse("page", session.readText(page).orElseThrow())
                        .frontmatter()
                        .tags())
                .isEqualTo(QueryPatternPages.TAGS);
        List<PathChange> added = result.changes().writes().keySet().stream()
                .map(path -> new PathChange(path, PathChange.Type.ADDED, EntryKind.FILE))
                .toList();
        GateInput input = GateInput.of(main, session, added, Set.of("warehouse"));
        assertThat(new FinalGates().check(input).errors()).isEmpty();
        assertThat(new ProvenanceGate().check(input).errors()).isEmpty();

        // The pattern's statistics are reset: the next read no longer has it, so its page goes.
        tracked.execute(
                "SELECT pg_stat_statements_reset(0, (SELECT oid FROM pg_database WHERE datname = current_database()), 0)");
        DatabaseIngestResult next = ingest.run(tracked.connection(List.of(), List.of(), HISTORY), session, SYNC_2);
        assertThat(next.changes().deletes()).containsExactly(page);
    }

    @Test
    void usageInTheBaseIsKeptWhenQueryHistoryGaveNoAnswer() throws SQLException {
        TableUsage usage = new TableUsage(42, new TreeMap<>(Map.of("plan_id", 40L)));
        DatabaseCatalog catalog;
        try (Connection jdbc = warehouse.connect()) {
            catalog = PostgresIntrospector.introspect(jdbc, warehouse.connection());
        }
        InMemoryRepoTree base = Trees.apply(
                new InMemoryRepoTree(),
                DatabaseSchemaIngest.changes(
                        new InMemoryRepoTree(), "warehouse", catalog, Map.of("public.plans", usage), SYNC));

        DatabaseIngestResult result = ingest.run(warehouse.connection(List.of(), List.of(), HISTORY), base, SYNC);

        assertThat(result.queryHistory().status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.changes().isEmpty()).isTrue();
        assertThat(ManifestCodec.parse(base.readText("semantic-layer/warehouse/_schema/public.yaml")
                                .orElseThrow())
                        .tables()
                        .get("plans")
                        .usage())
                .isEqualTo(usage);
    }

    @Test
    void badCredentialsFailTheSchemaStepNamingTheConnectionButNotThePassword() {
        PostgresEndpoint endpoint = warehouse.endpoint();
        PostgresConnection connection =
                connection(new PostgresUrlSetting.Inline(PostgresUrl.parse("postgresql://no_such_role:" + PASSWORD + "@"
                        + endpoint.host() + ":" + endpoint.port() + "/" + endpoint.database())));

        DatabaseIngestResult result = ingest.run(connection, new InMemoryRepoTree(), SYNC);

        assertThat(result.schema().status()).isEqualTo(StepStatus.FAILED);
        assertThat(result.schema().detail())
                .startsWith("postgres connection warehouse: cannot connect to jdbc:postgresql://")
                .contains("as no_such_role", "no_such_role\" does not exist")
                .doesNotContain(PASSWORD);
        assertThat(result.queryHistory()).isEqualTo(StepResult.notRun(Step.QUERY_HISTORY));
        assertThat(result.changes().isEmpty()).isTrue();
    }

    @Test
    void unreachableServerIsATransientFailureNamingTheConnection() {
        PostgresConnection connection = connection(
                new PostgresUrlSetting.Inline(PostgresUrl.parse("postgresql://app:" + PASSWORD + "@127.0.0.1:1/acme")));

        assertThatThrownBy(() -> ingest.run(connection, new InMemoryRepoTree(), SYNC))
                .isInstanceOf(DatabaseIngestException.class)
                .matches(TransientFailures::isTransient, "transient")
                .hasMessageStartingWith("postgres connection warehouse: cannot connect to "
                        + "jdbc:postgresql://127.0.0.1:1/acme as app: ")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void unsetSecretFailsNamingTheConnectionAndTheReference() {
        PostgresConnection connection = connection(new PostgresUrlSetting.Referenced(
                SecretRef.parse("env:WAREHOUSE_URL", Path.of(".")).orElseThrow()));

        DatabaseIngestResult result = ingest.run(connection, new InMemoryRepoTree(), SYNC);

        assertThat(result.schema().detail())
                .isEqualTo("postgres connection warehouse: Cannot resolve secret "
                        + "env:WAREHOUSE_URL: environment variable WAREHOUSE_URL is not set");
    }

    @Test
    void secretsEchoedByTheDriverAreRedacted() {
        PostgresUrl url = PostgresUrl.parse("postgresql://ktx:" + PASSWORD + "@db/acme?sslpassword=ssl-" + PASSWORD);
        assertThat(PostgresConnector.redact("bad password " + PASSWORD + " here, ssl-" + PASSWORD, url))
                .isEqualTo("bad password *** here, ***");
    }

    private static PostgresConnection connection(PostgresUrlSetting url) {
        return new PostgresConnection("warehouse", url, List.of(), List.of(), HISTORY);
    }
}
