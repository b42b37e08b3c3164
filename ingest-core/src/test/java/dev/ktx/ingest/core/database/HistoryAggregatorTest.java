package dev.ktx.ingest.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.repo.TableUsage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HistoryAggregatorTest {

    private static final DatabaseCatalog CATALOG = new DatabaseCatalog(
            "shop",
            List.of(
                    table("public", "accounts", "account_id", "plan"),
                    table("public", "plans", "plan_id", "monthly_price"),
                    table("staging", "accounts", "account_id", "raw")));

    private final HistoryAggregator aggregator = new HistoryAggregator(CATALOG, List.of("public", "staging"));

    @Test
    void sumsExecutionsPerTableAndCountsNamedColumns() {
        QueryHistory history = aggregator.aggregate(List.of(
                statement(1, "SELECT plan FROM accounts WHERE account_id = $1", 10),
                statement(
                        2,
                        "SELECT a.account_id, p.monthly_price FROM accounts a JOIN plans p ON p.plan_id = a.plan",
                        5)));

        assertThat(history.usage()).containsOnlyKeys("public.accounts", "public.plans");
        assertThat(history.usage().get("public.accounts"))
                .isEqualTo(new TableUsage(15, counts(Map.of("account_id", 15L, "plan", 15L))));
        assertThat(history.usage().get("public.plans"))
                .isEqualTo(new TableUsage(5, counts(Map.of("plan_id", 5L, "monthly_price", 5L))));
    }

    @Test
    void unqualifiedNamesFollowTheSearchPathAndQualifiedOnesAreExact() {
        QueryHistory history = aggregator.aggregate(List.of(
                statement(1, "SELECT raw FROM staging.accounts", 3),
                statement(2, "SELECT * FROM warehouse_db.staging.accounts", 4),
                statement(3, "SELECT 1 FROM accounts", 7)));

        assertThat(history.usage().get("staging.accounts").executions()).isEqualTo(7);
        assertThat(history.usage().get("staging.accounts").columns()).containsExactly(Map.entry("raw", 3L));
        assertThat(history.usage().get("public.accounts").executions()).isEqualTo(7);
    }

    @Test
    void aSelfJoinCountsOnceAndCtesFunctionsAndUnknownNamesAreNoTables() {
        QueryHistory history = aggregator.aggregate(List.of(
                statement(1, "SELECT 1 FROM plans p1 JOIN plans p2 ON p1.plan_id = p2.plan_id", 2),
                statement(
                        2, "WITH recent AS (SELECT 1) SELECT * FROM recent, generate_series(1, 3), no_such_table", 9)));

        assertThat(history.usage()).containsOnlyKeys("public.plans");
        assertThat(history.usage().get("public.plans").executions()).isEqualTo(2);
        assertThat(history.patterns())
                .singleElement()
                .extracting(QueryPattern::tables)
                .isEqualTo(List.of("public.plans"));
    }

    @Test
    void statementsThatNormalizeAlikeFormOnePattern() {
        // e.g. the same query under two search paths: two queryids, one text
        QueryHistory history = aggregator.aggregate(List.of(
                statement(7, "select plan from accounts where plan = $1 -- dashboard", 4),
                statement(3, "/* job */ select plan\n  from accounts where plan = $1;", 6)));

        assertThat(history.patterns())
                .containsExactly(new QueryPattern(
                        "select plan from accounts where plan = $1", List.of("public.accounts"), 10, List.of(3L, 7L)));
    }

    @Test
    void writesUtilityStatementsAndUnreadableTextsAreLeftOut() {
        QueryHistory history = aggregator.aggregate(List.of(
                statement(1, "INSERT INTO plans (plan_id) SELECT plan FROM accounts", 50),
                statement(2, "UPDATE accounts SET plan = $1 WHERE account_id = $2", 50),
                statement(3, "VACUUM accounts", 50),
                statement(4, "SELECT * FROM accounts TABLESAMPLE SYSTEM ($1)", 50)));

        assertThat(history.usage()).isEmpty();
        assertThat(history.patterns()).isEmpty();
    }

    private static ExecutedStatement statement(long queryId, String query, long executions) {
        return new ExecutedStatement(queryId, query, executions);
    }

    private static CatalogTable table(String schema, String name, String... columns) {
        return new CatalogTable(
                schema,
                name,
                CatalogTable.Kind.TABLE,
                null,
                null,
                Arrays.stream(columns)
                        .map(c -> new CatalogColumn(c, "text", true, false, null))
                        .toList(),
                List.of());
    }

    private static TreeMap<String, Long> counts(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }
}
