package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.sql.SqlQuery;
import dev.ktx.ingest.core.sql.TableName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Metabase native queries: template syntax expanded, then the tables found as for any query. */
class NativeTemplateTest {

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments("variable as a value",
                        "SELECT * FROM orders WHERE status = {{status}} AND total > {{ min_total }}",
                        List.of("orders"), List.of()),
                arguments("optional clause after WHERE 1 = 1",
                        "SELECT sum(mrr) FROM mart_account_segments WHERE 1 = 1 [[AND segment = {{segment}}]]",
                        List.of("mart_account_segments"), List.of()),
                arguments("optional clause that reads another table",
                        "SELECT * FROM accounts WHERE true\n[[AND account_id IN (SELECT account_id FROM churned "
                                + "WHERE churned_at > {{since}})]]", List.of("accounts", "churned"), List.of()),
                arguments("optional WHERE clause",
                        "SELECT count(*) FROM events [[WHERE event_type = {{type}}]]", List.of("events"), List.of()),
                arguments("field filters, required and optional",
                        "SELECT count(*) FROM subscriptions s WHERE {{started}} [[AND {{plan}}]]",
                        List.of("subscriptions"), List.of()),
                arguments("variables in a string and in LIMIT",
                        "SELECT * FROM accounts WHERE name ILIKE '%' || {{q}} || '%' LIMIT {{n}}",
                        List.of("accounts"), List.of()),
                arguments("snippet",
                        "SELECT * FROM accounts WHERE {{snippet: activated accounts}}", List.of("accounts"), List.of()),
                arguments("card reference joined to a table",
                        "SELECT * FROM {{#123-active-accounts}} a JOIN plans p ON p.plan_id = a.plan",
                        List.of("plans"), List.of(123L)),
                arguments("card reference inside a CTE",
                        "WITH base AS (SELECT * FROM {{#45}}) SELECT plan, count(*) FROM base GROUP BY plan",
                        List.of(), List.of(45L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void expandsToAQueryWhoseTablesAreFound(String shape, String template, List<String> tables, List<Long> cards)
            throws Exception {
        NativeTemplate expanded = NativeTemplate.expand(template);

        assertThat(SqlQuery.parse(expanded.sql()).tables()).map(TableName::toString).containsExactlyElementsOf(tables);
        assertThat(expanded.cardReferences()).containsExactlyElementsOf(cards);
    }
}
