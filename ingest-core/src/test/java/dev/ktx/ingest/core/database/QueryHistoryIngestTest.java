package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.TableUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryHistoryIngestTest {

    private static final QueryHistorySettings ENABLED = new QueryHistorySettings(true, 5);

    private static Warehouse warehouse;
    private static DatabaseCatalog catalog;

    @BeforeAll
    static void loadDemo() throws SQLException {
        warehouse = Warehouse.demo();
        try (Connection jdbc = warehouse.connect()) {
            catalog = PostgresIntrospector.introspect(jdbc, warehouse.connection());
        }
    }

    @Test
    void missingExtensionSkipsTheStep() throws SQLException {
        QueryHistoryOutcome outcome = read(ENABLED);

        assertThat(outcome.step()).isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED,
                "pg_stat_statements is not installed"));
        assertThat(outcome.usage()).isEmpty();
    }

    @Test
    void extensionThatIsNotPreloadedSkipsTheStepWithTheServerReason() throws SQLException {
        Warehouse withExtension = Warehouse.demo();
        withExtension.execute("CREATE EXTENSION pg_stat_statements");

        QueryHistoryOutcome outcome;
        try (Connection jdbc = withExtension.connect()) {
            outcome = QueryHistoryIngest.read(jdbc, catalog, ENABLED);
        }

        assertThat(outcome.step().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(outcome.step().detail()).startsWith("pg_stat_statements is not readable: ")
                .contains("shared_preload_libraries");
    }

    @Test
    void statementsOfThisDatabaseRunAtLeastMinExecutionsTimesBecomeUsage() throws SQLException {
        // Stands in for the view (same columns) that needs shared_preload_libraries, which the test server lacks.
        warehouse.execute("""
                CREATE SCHEMA fake_pgss;
                CREATE TABLE fake_pgss.pg_stat_statements (userid oid, dbid oid, query text, calls bigint);
                INSERT INTO fake_pgss.pg_stat_statements
                SELECT u, d.oid, q, c FROM pg_database d, (VALUES
                    (10, 'SELECT plan FROM accounts WHERE account_id = $1', 3),
                    (11, 'SELECT plan FROM accounts WHERE account_id = $1', 3),
                    (10, 'SELECT * FROM plans', 4),
                    (10, NULL, 100)) v(u, q, c)
                WHERE d.datname = current_database();
                INSERT INTO fake_pgss.pg_stat_statements VALUES (10, 0, 'SELECT * FROM events', 50);
                """);

        QueryHistoryOutcome outcome;
        try (Connection jdbc = warehouse.connect()) {
            outcome = QueryHistoryIngest.readFrom(jdbc, "fake_pgss", catalog, 5);
        }

        assertThat(outcome.step()).isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.DONE, null));
        // summed over users (6 ≥ 5); plans ran 4 times (< 5) and events belongs to another database
        assertThat(outcome.usage()).contains(Map.of("public.accounts",
                new TableUsage(6, new TreeMap<>(Map.of("account_id", 6L, "plan", 6L)))));
    }

    @Test
    void disabledHistoryIsNotRead() throws SQLException {
        QueryHistoryOutcome outcome = read(QueryHistorySettings.DEFAULTS);

        assertThat(outcome.step().status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(outcome.step().detail()).isEqualTo(QueryHistoryIngest.DISABLED);
    }

    @Test
    void usageIsGivenExactlyWhenTheStepIsDone() {
        assertThat(QueryHistoryOutcome.done(Map.of()).usage()).contains(Map.of());
        assertThatThrownBy(() -> new QueryHistoryOutcome(
                        new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, "x"), Optional.of(Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static QueryHistoryOutcome read(QueryHistorySettings settings) throws SQLException {
        try (Connection jdbc = warehouse.connect()) {
            return QueryHistoryIngest.read(jdbc, catalog, settings);
        }
    }
}
