package dev.ktx.ingest.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementTextTest {

    @Test
    void commentsWhitespaceAndTrailingSemicolonsGo() {
        StatementText text = StatementText.of("""
                -- nightly report
                SELECT /* outer /* nested */ still comment */ plan,
                       count(*)
                FROM   accounts   GROUP BY 1 ;;
                """);

        assertThat(text.normalized()).isEqualTo("SELECT plan, count(*) FROM accounts GROUP BY 1");
    }

    @Test
    void stringConstantsInEveryFormBecomeParametersAfterTheHighestOne() {
        StatementText text = StatementText.of("SELECT 'it''s', E'a\\'b', $tag$ $1 'x' $tag$, $$y$$, U&'d\\0061t', X'1F'"
                + " FROM t WHERE a = $2 AND b = $1::numeric(10,2)");

        assertThat(text.normalized())
                .isEqualTo("SELECT $3, $4, $5, $6, $7, $8 FROM t WHERE a = $2 AND b = $1::numeric(10,2)");
    }

    @Test
    void quotedIdentifiersAndDollarsInsideNamesAreKept() {
        StatementText text = StatementText.of("SELECT \"Odd \"\"Name\"\"\", price$usd FROM \"Sales\".orders");

        assertThat(text.normalized()).isEqualTo("SELECT \"Odd \"\"Name\"\"\", price$usd FROM \"Sales\".orders");
        assertThat(text.identifiers()).contains("Odd \"Name\"", "price$usd", "Sales", "orders", "select");
    }

    @Test
    void theParseableFormHasConstantsWhereParametersWere() {
        // JSqlParser reads neither EXTRACT($1 FROM …) nor DATE $2, pg_stat_statements' forms of these constants.
        StatementText text =
                StatementText.of("SELECT extract($1 FROM created_at), DATE $2 FROM accounts WHERE name = 'x'");

        assertThat(text.parseable())
                .isEqualTo("SELECT extract('?' FROM created_at), DATE '?' FROM accounts WHERE name = '?'");
    }

    @Test
    void constantsAreNoIdentifiers() {
        assertThat(StatementText.of("SELECT 1 FROM plans WHERE name = 'plan_id' AND Monthly_Price > $1")
                        .identifiers())
                .contains("plans", "name", "monthly_price")
                .doesNotContain("plan_id", "Monthly_Price");
    }
}
