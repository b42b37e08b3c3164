package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.repo.TableUsage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class UsageAggregatorTest {

    private static final DatabaseCatalog CATALOG = new DatabaseCatalog("shop", List.of(
            table("public", "accounts", "account_id", "plan"),
            table("public", "plans", "plan_id", "monthly_price"),
            table("staging", "accounts", "account_id", "raw")));

    private final UsageAggregator aggregator = new UsageAggregator(CATALOG, List.of("public", "staging"));

    @Test
    void sumsExecutionsPerTableAndCountsNamedColumns() {
        Map<String, TableUsage> usage = aggregator.aggregate(List.of(
                new ExecutedStatement("SELECT plan FROM accounts WHERE account_id = $1", 10),
                new ExecutedStatement("SELECT a.account_id, p.monthly_price FROM accounts a JOIN plans p ON p.plan_id = a.plan", 5)));

        assertThat(usage).containsOnlyKeys("public.accounts", "public.plans");
        assertThat(usage.get("public.accounts")).isEqualTo(new TableUsage(15, counts(Map.of("account_id", 15L, "plan", 15L))));
        assertThat(usage.get("public.plans")).isEqualTo(new TableUsage(5, counts(Map.of("plan_id", 5L, "monthly_price", 5L))));
    }

    @Test
    void unqualifiedNamesFollowTheSearchPathAndQualifiedOnesAreExact() {
        Map<String, TableUsage> usage = aggregator.aggregate(List.of(
                new ExecutedStatement("SELECT raw FROM staging.accounts", 3),
                new ExecutedStatement("SELECT * FROM warehouse_db.staging.accounts", 4),
                new ExecutedStatement("SELECT 1 FROM accounts", 7)));

        assertThat(usage.get("staging.accounts").executions()).isEqualTo(7);
        assertThat(usage.get("staging.accounts").columns()).containsExactly(Map.entry("raw", 3L));
        assertThat(usage.get("public.accounts").executions()).isEqualTo(7);
    }

    @Test
    void aSelfJoinCountsOnceAndUnknownNamesAreIgnored() {
        Map<String, TableUsage> usage = aggregator.aggregate(List.of(
                new ExecutedStatement("SELECT 1 FROM plans p1 JOIN plans p2 ON p1.plan_id = p2.plan_id", 2),
                new ExecutedStatement("WITH recent AS (SELECT 1) SELECT * FROM recent, generate_series(1, 3)", 9)));

        assertThat(usage).containsOnlyKeys("public.plans");
        assertThat(usage.get("public.plans").executions()).isEqualTo(2);
    }

    private static CatalogTable table(String schema, String name, String... columns) {
        return new CatalogTable(schema, name, CatalogTable.Kind.TABLE, null, null,
                Arrays.stream(columns).map(c -> new CatalogColumn(c, "text", true, false, null)).toList(), List.of());
    }

    private static TreeMap<String, Long> counts(Map<String, Long> counts) {
        return new TreeMap<>(counts);
    }
}
