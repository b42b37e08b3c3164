package dev.ktx.ingest.core.database;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatementReferencesTest {

    @Test
    void tablesAfterFromAndJoinWithAliases() {
        assertThat(tables("SELECT a.name FROM accounts a JOIN public.plans AS p ON p.plan_id = a.plan LEFT JOIN events e ON true"))
                .containsExactly(List.of("accounts"), List.of("public", "plans"), List.of("events"));
    }

    @Test
    void everyTableOfACommaSeparatedFromList() {
        assertThat(tables("select * from accounts a, subscriptions s, \"Odd Schema\".\"Plans\" where a.account_id = s.account_id"))
                .containsExactly(List.of("accounts"), List.of("subscriptions"), List.of("Odd Schema", "Plans"));
    }

    @Test
    void subqueriesAndUnquotedCaseFolding() {
        assertThat(tables("SELECT * FROM (SELECT account_id FROM Public.Accounts WHERE plan = $1) x JOIN events USING (account_id)"))
                .containsExactly(List.of("public", "accounts"), List.of("events"));
    }

    @Test
    void identifiersAreNormalizedTokens() {
        assertThat(StatementReferences.of("SELECT \"MixedCase\", Plan_Id FROM plans WHERE monthly_price > $1").identifiers())
                .contains("MixedCase", "plan_id", "plans", "monthly_price").doesNotContain("Plan_Id", "$1");
    }

    private static List<List<String>> tables(String sql) {
        return StatementReferences.of(sql).tables();
    }
}
