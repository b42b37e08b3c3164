package dev.ktx.ingest.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.config.QueryHistorySettings;
import dev.ktx.ingest.core.database.QueryHistory;
import dev.ktx.ingest.core.database.QueryHistoryOutcome;
import dev.ktx.ingest.core.database.QueryPattern;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.repo.TableUsage;
import dev.ktx.ingest.testinfra.PostgresService.Flavor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The {@code query-history} step against the real {@code pg_stat_statements}: preloaded, or not, as the test needs. */
class QueryHistoryIngestIT {

    private static final int MIN_EXECUTIONS = 5;
    private static final QueryHistorySettings ENABLED = new QueryHistorySettings(true, MIN_EXECUTIONS);
    private static final String NEEDS = "query history needs pg_stat_statements: ";
    private static final String NOT_LOADED = "the library is not loaded (add shared_preload_libraries = "
            + "'pg_stat_statements' to postgresql.conf and restart PostgreSQL)";

    @Test
    void topLevelStatementsRunAtLeastMinExecutionsTimesBecomePatternsAndUsage() throws SQLException {
        Warehouse warehouse = tracked();
        try (Connection jdbc = warehouse.connect();
                Statement statement = jdbc.createStatement();
                PreparedStatement byId = jdbc.prepareStatement("SELECT plan FROM accounts WHERE account_id = ?")) {
            for (int i = 0; i < MIN_EXECUTIONS; i++) {
                byId.setLong(1, i);
                byId.executeQuery().close();
                // Other constants and comments each time: still one queryid, whose text is the first one seen.
                statement
                        .executeQuery("/* request " + i + " */ SELECT a.name, p.monthly_price\n  FROM accounts a"
                                + " JOIN plans p ON p.plan_id = a.plan WHERE a.country = 'DE' AND p.monthly_price > "
                                + i)
                        .close();
            }
            for (int i = 0; i < MIN_EXECUTIONS - 1; i++) {
                statement.executeQuery("SELECT count(*) FROM events").close();
            }
            // A statement run inside a function is recorded too once nested statements are tracked; it is not a
            // query anyone wrote, so only top-level statements count.
            statement.execute("SET pg_stat_statements.track = 'all'");
            statement.execute("CREATE FUNCTION segment_count() RETURNS bigint LANGUAGE plpgsql"
                    + " AS $$ BEGIN RETURN (SELECT count(*) FROM mart_account_segments); END $$");
            for (int i = 0; i < MIN_EXECUTIONS; i++) {
                statement.executeQuery("SELECT segment_count()").close();
            }
        }

        QueryHistoryOutcome outcome = read(warehouse);

        assertThat(outcome.step()).isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.DONE, null));
        QueryHistory history = outcome.history().orElseThrow();
        assertThat(history.patterns())
                .extracting(QueryPattern::sql, QueryPattern::tables, QueryPattern::executions)
                .containsExactly(
                        tuple(
                                "SELECT a.name, p.monthly_price FROM accounts a JOIN plans p"
                                        + " ON p.plan_id = a.plan WHERE a.country = $1 AND p.monthly_price > $2",
                                List.of("public.accounts", "public.plans"),
                                5L),
                        tuple("SELECT plan FROM accounts WHERE account_id = $1", List.of("public.accounts"), 5L));
        assertThat(history.patterns())
                .allSatisfy(pattern -> assertThat(pattern.queryIds()).hasSize(1));
        // events ran one time too few; mart_account_segments was only read inside the function
        assertThat(history.usage()).containsOnlyKeys("public.accounts", "public.plans");
        assertThat(history.usage().get("public.accounts"))
                .isEqualTo(new TableUsage(
                        10, new TreeMap<>(Map.of("account_id", 5L, "plan", 10L, "name", 5L, "country", 5L))));
        assertThat(history.usage().get("public.plans"))
                .isEqualTo(new TableUsage(5, new TreeMap<>(Map.of("plan_id", 5L, "name", 5L, "monthly_price", 5L))));
    }

    @Test
    void executionsAreSummedOverRoles() throws SQLException {
        Warehouse warehouse = tracked();
        String analyst = role(warehouse);
        warehouse.execute("GRANT SELECT ON plans TO " + analyst);
        runTimes(warehouse, MIN_EXECUTIONS - 2, "SELECT name FROM plans");
        runTimes(warehouse.as(analyst), 2, "SELECT name FROM plans");

        assertThat(read(warehouse).history().orElseThrow().patterns())
                .singleElement()
                .extracting(QueryPattern::executions)
                .isEqualTo((long) MIN_EXECUTIONS);
    }

    @Test
    void anExtensionThatIsNotCreatedFailsTheStepNamingTheStatementToRun() throws SQLException {
        Warehouse warehouse = Warehouse.demo(Flavor.PG_STAT_STATEMENTS);

        assertThat(read(warehouse).step())
                .isEqualTo(new StepResult(
                        Step.QUERY_HISTORY,
                        StepStatus.FAILED,
                        NEEDS + "the extension is not created in database "
                                + warehouse.endpoint().database()
                                + " (run CREATE EXTENSION pg_stat_statements; there as a superuser)"));
    }

    @Test
    void aServerWithoutThePreloadFailsTheStepNamingTheSettingAndTheRestart() throws SQLException {
        Warehouse warehouse = Warehouse.demo(Flavor.STOCK);
        warehouse.execute("CREATE EXTENSION pg_stat_statements");
        // What the check stands for: the view itself refuses to be read.
        assertThatThrownBy(() -> warehouse.execute("SELECT * FROM pg_stat_statements"))
                .hasStackTraceContaining("pg_stat_statements must be loaded via shared_preload_libraries");

        QueryHistoryOutcome outcome = read(warehouse);

        assertThat(outcome.step()).isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.FAILED, NEEDS + NOT_LOADED));
        assertThat(outcome.history()).isEmpty();
    }

    @Test
    void everythingMissingIsNamedInOneMessage() throws SQLException {
        Warehouse warehouse = Warehouse.demo(Flavor.STOCK);

        assertThat(read(warehouse).step().detail())
                .isEqualTo(NEEDS + NOT_LOADED + "; the extension is not created in " + "database "
                        + warehouse.endpoint().database()
                        + " (run CREATE EXTENSION pg_stat_statements; there as a superuser)");
    }

    @Test
    void aRoleWithoutPgReadAllStatsFailsTheStepUntilGranted() throws SQLException {
        // Without it the view does not fail: it hides other roles' statements, a partial answer that looks whole.
        Warehouse warehouse = tracked();
        String reader = role(warehouse);

        assertThat(read(warehouse.as(reader)).step())
                .isEqualTo(new StepResult(
                        Step.QUERY_HISTORY,
                        StepStatus.FAILED,
                        NEEDS + "role " + reader
                                + " cannot see other roles' statements (run GRANT pg_read_all_stats TO " + reader
                                + ";)"));

        warehouse.execute("GRANT pg_read_all_stats TO " + reader);
        assertThat(read(warehouse.as(reader)).step().status()).isEqualTo(StepStatus.DONE);
    }

    @Test
    void disabledHistoryIsNotRead() throws SQLException {
        QueryHistoryOutcome outcome;
        Warehouse warehouse = Warehouse.demo(Flavor.STOCK);
        try (Connection jdbc = warehouse.connect()) {
            outcome = QueryHistoryIngest.read(
                    jdbc, PostgresIntrospector.introspect(jdbc, warehouse.connection()), QueryHistorySettings.DEFAULTS);
        }

        assertThat(outcome.step())
                .isEqualTo(new StepResult(Step.QUERY_HISTORY, StepStatus.SKIPPED, QueryHistoryIngest.DISABLED));
    }

    @Test
    void historyIsGivenExactlyWhenTheStepIsDone() {
        QueryHistory empty = new QueryHistory(Map.of(), List.of());
        assertThat(QueryHistoryOutcome.done(empty).history()).contains(empty);
        assertThatThrownBy(() -> new QueryHistoryOutcome(
                        new StepResult(Step.QUERY_HISTORY, StepStatus.FAILED, "x"), Optional.of(empty)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A demo warehouse on the server that preloads pg_stat_statements, with the extension created. */
    static Warehouse tracked() {
        Warehouse warehouse = Warehouse.demo(Flavor.PG_STAT_STATEMENTS);
        warehouse.execute("CREATE EXTENSION pg_stat_statements");
        return warehouse;
    }

    /** A new login role (roles are per server, so the name is unique). */
    private static String role(Warehouse warehouse) {
        String role = "ktx_role_" + UUID.randomUUID().toString().replace("-", "");
        warehouse.execute("CREATE ROLE " + role + " LOGIN");
        return role;
    }

    static void runTimes(Warehouse warehouse, int times, String query) throws SQLException {
        try (Connection jdbc = warehouse.connect();
                Statement statement = jdbc.createStatement()) {
            for (int i = 0; i < times; i++) {
                statement.executeQuery(query).close();
            }
        }
    }

    private static QueryHistoryOutcome read(Warehouse warehouse) throws SQLException {
        try (Connection jdbc = warehouse.connect()) {
            return QueryHistoryIngest.read(
                    jdbc, PostgresIntrospector.introspect(jdbc, warehouse.connection()), ENABLED);
        }
    }
}
