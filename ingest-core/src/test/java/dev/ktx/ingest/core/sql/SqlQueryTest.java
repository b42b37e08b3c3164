package dev.ktx.ingest.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tables real-world queries read, as {@code [schema.]table} after PostgreSQL's identifier folding. */
class SqlQueryTest {

    static Stream<Arguments> queries() {
        return Stream.of(
                arguments(
                        "alias and mixed-case unquoted names fold to lower case",
                        "SELECT a.Name FROM Public.Accounts a WHERE a.Plan = 'pro'",
                        List.of("public.accounts")),
                arguments(
                        "comma-separated FROM list with a quoted, schema-qualified name",
                        "select * from accounts a, subscriptions s, \"Odd Schema\".\"Plans\" p where a.account_id = s.account_id",
                        List.of("accounts", "subscriptions", "Odd Schema.Plans")),
                arguments(
                        "every join kind",
                        "SELECT * FROM a LEFT JOIN b ON b.id = a.id RIGHT OUTER JOIN c USING (id) FULL JOIN d ON true "
                                + "CROSS JOIN e NATURAL JOIN f",
                        List.of("a", "b", "c", "d", "e", "f")),
                arguments(
                        "database-qualified name: the database can only be the current one",
                        "SELECT * FROM warehouse.public.accounts",
                        List.of("public.accounts")),
                arguments(
                        "CTE over one table",
                        "WITH recent AS (SELECT * FROM events WHERE occurred_at > now() - interval '7 days') "
                                + "SELECT count(*) FROM recent",
                        List.of("events")),
                arguments(
                        "chained CTEs: a later CTE reads an earlier one",
                        "WITH a AS (SELECT * FROM b), c AS (SELECT * FROM a JOIN d USING (id)) SELECT * FROM c",
                        List.of("b", "d")),
                arguments(
                        "recursive CTE",
                        "WITH RECURSIVE tree AS (SELECT id, parent_id FROM categories WHERE parent_id IS NULL "
                                + "UNION ALL SELECT c.id, c.parent_id FROM categories c JOIN tree t ON c.parent_id = t.id) "
                                + "SELECT * FROM tree",
                        List.of("categories")),
                arguments(
                        "CTE named in another case, unquoted: the same name",
                        "WITH Recent AS (SELECT * FROM events) SELECT * FROM RECENT",
                        List.of("events")),
                arguments(
                        "quoted CTE name: an unquoted use of it names something else",
                        "WITH \"Recent\" AS (SELECT * FROM events) SELECT * FROM \"Recent\" JOIN recent USING (id)",
                        List.of("events", "recent")),
                arguments(
                        "CTE that shadows a table it filters",
                        "WITH orders AS (SELECT * FROM orders WHERE status = 'paid') SELECT count(*) FROM orders",
                        List.of("orders")),
                arguments(
                        "CTE named like a table; the schema-qualified name is the table",
                        "WITH accounts AS (SELECT 1 AS id) SELECT * FROM accounts JOIN public.accounts p USING (id)",
                        List.of("public.accounts")),
                arguments(
                        "CTE inside a subquery does not hide the outer table of that name",
                        "SELECT * FROM r JOIN (WITH r AS (SELECT * FROM s) SELECT * FROM r) x ON true",
                        List.of("r", "s")),
                arguments(
                        "derived table aliased with a table's name",
                        "SELECT * FROM (SELECT * FROM accounts WHERE plan = 'pro') accounts",
                        List.of("accounts")),
                arguments(
                        "subqueries in WHERE: IN, EXISTS and a scalar comparison",
                        "SELECT * FROM accounts a WHERE a.id IN (SELECT account_id FROM subscriptions) "
                                + "AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.account_id = a.id) "
                                + "AND a.mrr > (SELECT avg(mrr) FROM mart_account_segments)",
                        List.of("accounts", "subscriptions", "invoices", "mart_account_segments")),
                arguments(
                        "scalar subquery in the select list",
                        "SELECT a.id, (SELECT count(*) FROM orders o WHERE o.account_id = a.id) AS orders FROM accounts a",
                        List.of("orders", "accounts")),
                arguments(
                        "UNION and UNION ALL",
                        "SELECT id FROM a UNION SELECT id FROM b UNION ALL SELECT id FROM c",
                        List.of("a", "b", "c")),
                arguments(
                        "INTERSECT and EXCEPT",
                        "SELECT account_id FROM subscriptions INTERSECT SELECT account_id FROM events "
                                + "EXCEPT SELECT account_id FROM churned",
                        List.of("subscriptions", "events", "churned")),
                arguments(
                        "LATERAL subquery",
                        "SELECT a.id, l.* FROM accounts a CROSS JOIN LATERAL (SELECT * FROM events e "
                                + "WHERE e.account_id = a.id ORDER BY e.occurred_at DESC LIMIT 3) l",
                        List.of("accounts", "events")),
                arguments(
                        "LATERAL set-returning function: not a table",
                        "SELECT a.id, item.value FROM accounts a, LATERAL jsonb_array_elements(a.items) item",
                        List.of("accounts")),
                arguments(
                        "window functions and a named window",
                        "SELECT account_id, row_number() OVER (PARTITION BY plan ORDER BY mrr DESC), sum(mrr) OVER w "
                                + "FROM subscriptions WINDOW w AS (ORDER BY started_at ROWS BETWEEN UNBOUNDED PRECEDING "
                                + "AND CURRENT ROW)",
                        List.of("subscriptions")),
                arguments(
                        "GROUPING SETS, ROLLUP and CUBE",
                        "SELECT plan, country, sum(mrr) FROM accounts GROUP BY GROUPING SETS ((plan), (country), ()) "
                                + "UNION ALL SELECT plan, country, sum(mrr) FROM accounts GROUP BY ROLLUP (plan, country) "
                                + "UNION ALL SELECT plan, country, sum(mrr) FROM archive.accounts GROUP BY CUBE (plan, country)",
                        List.of("accounts", "archive.accounts")),
                arguments(
                        "JSON operators",
                        "SELECT properties->>'type', properties #>> '{a,b}', properties->'x' FROM events "
                                + "WHERE properties @> '{\"a\":1}'::jsonb AND properties ? 'utm'",
                        List.of("events")),
                arguments(
                        "casts with :: and CAST",
                        "SELECT created_at::date, mrr::numeric(10,2), CAST(plan AS text) FROM subscriptions "
                                + "WHERE status = $1::text",
                        List.of("subscriptions")),
                arguments(
                        "aggregate FILTER, DISTINCT ON and WITHIN GROUP",
                        "SELECT DISTINCT ON (plan) plan, count(*) FILTER (WHERE status = 'active'), "
                                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY mrr) FROM subscriptions GROUP BY plan, status",
                        List.of("subscriptions")),
                arguments(
                        "line and block comments",
                        "-- weekly revenue\nSELECT /* the big one */ sum(mrr) -- in USD\nFROM subscriptions /* active */",
                        List.of("subscriptions")),
                arguments(
                        "pg_stat_statements text with parameters",
                        "SELECT * FROM accounts WHERE created_at > now() - interval $1 AND plan = ANY($2) "
                                + "ORDER BY id OFFSET $3 ROWS FETCH FIRST $4 ROWS ONLY",
                        List.of("accounts")),
                arguments(
                        "ONLY, row locking",
                        "SELECT * FROM ONLY jobs WHERE state = 'ready' ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED",
                        List.of("jobs")),
                arguments(
                        "subquery in an ARRAY constructor and ANY",
                        "SELECT * FROM plans WHERE plan_id = ANY(ARRAY(SELECT plan FROM accounts))",
                        List.of("plans", "accounts")),
                arguments("TABLE statement", "TABLE Archive.Orders", List.of("archive.orders")),
                arguments(
                        "functions and VALUES only: no table",
                        "SELECT * FROM generate_series(1, 10) g JOIN (VALUES (1, 'a')) v(n, s) ON v.n = g",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void findsTheTablesAQueryReads(String shape, String sql, List<String> tables) throws Exception {
        assertThat(SqlQuery.parse(sql).tables()).map(TableName::toString).containsExactlyElementsOf(tables);
    }

    @Test
    void writesAreNoQueries() {
        // INSERT … SELECT reads tables too, but it loads data: how data is queried is what callers want.
        for (String write : List.of(
                "INSERT INTO summary (plan, n) SELECT plan, count(*) FROM accounts GROUP BY plan",
                "UPDATE accounts SET plan = p.plan_id FROM plans p WHERE p.name = accounts.plan",
                "DELETE FROM events WHERE occurred_at < now() - interval '1 year'")) {
            assertThatThrownBy(() -> SqlQuery.parse(write))
                    .isInstanceOfSatisfying(
                            SqlQuery.NotAQuery.class,
                            e -> assertThat(e.parsed()).isTrue());
        }
    }

    @Test
    void unreadableTextIsNoQuery() {
        assertThatThrownBy(() -> SqlQuery.parse("SELEC plan FROM accounts"))
                .isInstanceOfSatisfying(
                        SqlQuery.NotAQuery.class, e -> assertThat(e.parsed()).isFalse());
    }
}
