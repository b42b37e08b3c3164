package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.repo.Aggregation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeSqlAnalysisTest {

    @Test
    void singleTableAggregatesAreEvident() throws Exception {
        NativeSqlAnalysis sql = NativeSqlAnalysis.of(
                "SELECT plan, COUNT(*), count(distinct a.name), SUM(a.mrr), max(created_at), coalesce(1, 2) "
                        + "FROM Public.Accounts a WHERE a.activated_at IS NOT NULL GROUP BY plan");

        assertThat(sql.mainTable()).isEqualTo(new TableRef("public", "accounts"));
        assertThat(sql.aggregates()).containsExactly(new Aggregate(Aggregation.COUNT, null),
                new Aggregate(Aggregation.COUNT_DISTINCT, "name"), new Aggregate(Aggregation.SUM, "mrr"),
                new Aggregate(Aggregation.MAX, "created_at"));
    }

    @Test
    void quotedNamesKeepTheirCaseAndUnqualifiedNamesHaveNoSchema() throws Exception {
        assertThat(NativeSqlAnalysis.of("select 1 from \"Sales\".\"Orders\"").mainTable()).isEqualTo(new TableRef("Sales", "Orders"));
        assertThat(NativeSqlAnalysis.of("select 1 from orders").mainTable()).isEqualTo(new TableRef(null, "orders"));
    }

    @Test
    void joinsKeepTheFromTableButNoMeasures() throws Exception {
        NativeSqlAnalysis sql = NativeSqlAnalysis.of(
                "SELECT count(*) FROM public.accounts a JOIN public.subscriptions s ON s.account_id = a.account_id");

        assertThat(sql.mainTable()).isEqualTo(new TableRef("public", "accounts"));
        assertThat(sql.aggregates()).isEmpty();
    }

    @Test
    void aCteOverOneTableHasThatTableAsMain() throws Exception {
        NativeSqlAnalysis sql = NativeSqlAnalysis.of("WITH recent AS (SELECT * FROM events WHERE occurred_at > now() - interval '7 days') "
                + "SELECT count(*) FROM recent");

        assertThat(sql.mainTable()).isEqualTo(new TableRef(null, "events"));
        assertThat(sql.aggregates()).isEmpty();
    }

    @Test
    void metabaseTemplateTagsAndOptionalClausesDoNotBreakParsing() throws Exception {
        NativeSqlAnalysis sql = NativeSqlAnalysis.of("SELECT sum(mrr) FROM mart_account_segments WHERE 1 = 1 [[AND segment = {{segment}}]]"
                + " AND updated_at > {{since}}");

        assertThat(sql.mainTable()).isEqualTo(new TableRef(null, "mart_account_segments"));
        assertThat(sql.aggregates()).containsExactly(new Aggregate(Aggregation.SUM, "mrr"));
    }

    @Test
    void unreadableOrTablelessSqlHasNoMainTable() {
        assertThatThrownBy(() -> NativeSqlAnalysis.of("SELEC oops")).isInstanceOfSatisfying(NoMainTable.class,
                e -> assertThat(e.reason()).isEqualTo(CardResolution.UNPARSEABLE_SQL));
        assertThatThrownBy(() -> NativeSqlAnalysis.of("DELETE FROM accounts")).isInstanceOfSatisfying(NoMainTable.class,
                e -> assertThat(e.reason()).isEqualTo(CardResolution.UNSUPPORTED_QUERY));
        assertThatThrownBy(() -> NativeSqlAnalysis.of("SELECT * FROM a UNION SELECT * FROM b")).isInstanceOfSatisfying(
                NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.UNSUPPORTED_QUERY));
    }

    @Test
    void aCardReferenceHidesWhatTheQueryReads() {
        // plans is the only table in the text, but the rows come from card 123
        assertThatThrownBy(() -> NativeSqlAnalysis.of("SELECT count(*) FROM {{#123-active}} a JOIN plans p ON p.plan_id = a.plan"))
                .isInstanceOfSatisfying(NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.UNPARSEABLE_SQL));
    }

    @Test
    void aCteNamedInAnotherCaseIsNoMainTable() throws Exception {
        assertThat(NativeSqlAnalysis.of("WITH Recent AS (SELECT * FROM events) SELECT count(*) FROM RECENT").mainTable())
                .isEqualTo(new TableRef(null, "events"));
    }
}
