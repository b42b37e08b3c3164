package dev.ktx.ingest.connectors.metabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.repo.Aggregation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeSqlAnalysisTest {

    @Test
    void singleTableAggregatesAreEvident() throws Exception {
        NativeSqlAnalysis sql =
                analyse("SELECT plan, COUNT(*), count(distinct a.name), SUM(a.mrr), max(created_at), coalesce(1, 2) "
                        + "FROM Public.Accounts a WHERE a.activated_at IS NOT NULL GROUP BY plan");

        assertThat(sql.mainTable()).isEqualTo(new TableRef("public", "accounts"));
        assertThat(sql.aggregates())
                .containsExactly(
                        new Aggregate(Aggregation.COUNT, null),
                        new Aggregate(Aggregation.COUNT_DISTINCT, "name"),
                        new Aggregate(Aggregation.SUM, "mrr"),
                        new Aggregate(Aggregation.MAX, "created_at"));
    }

    @Test
    void quotedNamesKeepTheirCaseAndUnqualifiedNamesHaveNoSchema() throws Exception {
        assertThat(analyse("select 1 from \"Sales\".\"Orders\"").mainTable())
                .isEqualTo(new TableRef("Sales", "Orders"));
        assertThat(analyse("select 1 from orders").mainTable()).isEqualTo(new TableRef(null, "orders"));
    }

    @Test
    void joinsKeepTheFromTableButNoMeasures() throws Exception {
        NativeSqlAnalysis sql = analyse(
                "SELECT count(*) FROM public.accounts a JOIN public.subscriptions s ON s.account_id = a.account_id");

        assertThat(sql.mainTable()).isEqualTo(new TableRef("public", "accounts"));
        assertThat(sql.aggregates()).isEmpty();
    }

    @Test
    void aCteOverOneTableHasThatTableAsMain() throws Exception {
        NativeSqlAnalysis sql =
                analyse("WITH recent AS (SELECT * FROM events WHERE occurred_at > now() - interval '7 days') "
                        + "SELECT count(*) FROM recent");

        assertThat(sql.mainTable()).isEqualTo(new TableRef(null, "events"));
        assertThat(sql.aggregates()).isEmpty();
    }

    @Test
    void metabaseTemplateTagsAndOptionalClausesDoNotBreakParsing() throws Exception {
        NativeSqlAnalysis sql =
                analyse("SELECT sum(mrr) FROM mart_account_segments WHERE 1 = 1 [[AND segment = {{segment}}]]"
                        + " AND updated_at > {{since}}");

        assertThat(sql.mainTable()).isEqualTo(new TableRef(null, "mart_account_segments"));
        assertThat(sql.aggregates()).containsExactly(new Aggregate(Aggregation.SUM, "mrr"));
    }

    @Test
    void unreadableOrTablelessSqlHasNoMainTable() {
        assertThatThrownBy(() -> analyse("SELEC oops"))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.PARSE_ERROR));
        assertThatThrownBy(() -> analyse("DELETE FROM accounts"))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.UNSUPPORTED_QUERY));
        assertThatThrownBy(() -> analyse("SELECT * FROM a UNION SELECT * FROM b"))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.UNSUPPORTED_QUERY));
    }

    @Test
    void aCardReferenceThatDoesNotResolveCannotBeTranslated() {
        // plans is the only table in the text, but the rows come from card 123, which is not known
        assertThatThrownBy(() -> analyse("SELECT count(*) FROM {{#123-active}} a JOIN plans p ON p.plan_id = a.plan"))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.PARSE_ERROR));
    }

    @Test
    void aResolvedCardReferenceLendsItsTable() throws Exception {
        NativeSqlAnalysis sql = NativeSqlAnalysis.of(
                new CardQuery.NativeSql("SELECT count(*) FROM {{#7}} recent", Map.of()),
                id -> "SELECT * FROM analytics.events WHERE occurred_at > now()");

        assertThat(sql.mainTable()).isEqualTo(new TableRef("analytics", "events"));
    }

    private static NativeSqlAnalysis analyse(String sql) throws NoMainTable {
        return NativeSqlAnalysis.of(new CardQuery.NativeSql(sql, Map.of()), id -> {
            throw new NoMainTable(CardResolution.PARSE_ERROR);
        });
    }

    @Test
    void aCteNamedInAnotherCaseIsNoMainTable() throws Exception {
        assertThat(analyse("WITH Recent AS (SELECT * FROM events) SELECT count(*) FROM RECENT")
                        .mainTable())
                .isEqualTo(new TableRef(null, "events"));
    }
}
