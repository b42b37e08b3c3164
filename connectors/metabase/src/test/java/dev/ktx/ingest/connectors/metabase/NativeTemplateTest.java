package dev.ktx.ingest.connectors.metabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.ktx.ingest.core.sql.SqlQuery;
import dev.ktx.ingest.core.sql.TableName;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Metabase native queries: template syntax expanded, then the tables found as for any query. */
class NativeTemplateTest {

    /** Cards 123 and 45 of a snapshot; any other id does not resolve. */
    private static final NativeTemplate.CardSql CARDS = id -> switch ((int) id) {
        case 123 -> "SELECT * FROM active_accounts";
        case 45 -> "SELECT plan FROM plan_events";
        default -> throw new NoMainTable(CardResolution.PARSE_ERROR);
    };

    static Stream<Arguments> templates() {
        return Stream.of(
                arguments(
                        "variable as a value",
                        "SELECT * FROM orders WHERE status = {{status}} AND total > {{ min_total }}",
                        List.of("orders")),
                arguments(
                        "optional clause after WHERE 1 = 1",
                        "SELECT sum(mrr) FROM mart_account_segments WHERE 1 = 1 [[AND segment = {{segment}}]]",
                        List.of("mart_account_segments")),
                arguments(
                        "optional clause that reads another table",
                        "SELECT * FROM accounts WHERE true\n[[AND account_id IN (SELECT account_id FROM churned "
                                + "WHERE churned_at > {{since}})]]",
                        List.of("accounts", "churned")),
                arguments(
                        "optional WHERE clause",
                        "SELECT count(*) FROM events [[WHERE event_type = {{type}}]]",
                        List.of("events")),
                arguments(
                        "field filters, required and optional",
                        "SELECT count(*) FROM subscriptions s WHERE {{started}} [[AND {{plan}}]]",
                        List.of("subscriptions")),
                arguments(
                        "variables in a string and in LIMIT",
                        "SELECT * FROM accounts WHERE name ILIKE '%' || {{q}} || '%' LIMIT {{n}}",
                        List.of("accounts")),
                arguments(
                        "snippet", "SELECT * FROM accounts WHERE {{snippet: activated accounts}}", List.of("accounts")),
                arguments(
                        "card reference joined to a table",
                        "SELECT * FROM {{#123-active-accounts}} a JOIN plans p ON p.plan_id = a.plan",
                        List.of("active_accounts", "plans")),
                arguments(
                        "card reference inside a CTE",
                        "WITH base AS (SELECT * FROM {{#45}}) SELECT plan, count(*) FROM base GROUP BY plan",
                        List.of("plan_events")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void expandsToAQueryWhoseTablesAreFound(String shape, String template, List<String> tables) throws Exception {
        String expanded = NativeTemplate.expand(new CardQuery.NativeSql(template, Map.of()), CARDS);

        assertThat(SqlQuery.parse(expanded).tables()).map(TableName::toString).containsExactlyElementsOf(tables);
    }

    @Test
    void aTagOfAKindMetabaseDoesNotDefineCannotBeTranslated() {
        assertThatThrownBy(() -> NativeTemplate.expand(
                        new CardQuery.NativeSql("SELECT * FROM t WHERE x = {{x}}", Map.of("x", "geo-polygon")), CARDS))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.PARSE_ERROR));
    }

    @Test
    void anUnresolvedCardReferenceCannotBeTranslated() {
        assertThatThrownBy(
                        () -> NativeTemplate.expand(new CardQuery.NativeSql("SELECT * FROM {{#999}}", Map.of()), CARDS))
                .isInstanceOfSatisfying(
                        NoMainTable.class, e -> assertThat(e.reason()).isEqualTo(CardResolution.PARSE_ERROR));
    }
}
