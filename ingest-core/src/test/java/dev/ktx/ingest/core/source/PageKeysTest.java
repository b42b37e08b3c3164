package dev.ktx.ingest.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageKeysTest {

    @Test
    void slugLowerCasesAndJoinsRunsOfOtherCharactersWithDashes() {
        assertThat(PageKeys.slug("Onboarding playbook")).isEqualTo("onboarding-playbook");
        assertThat(PageKeys.slug("  Q1 / Q2 -- Revenue (USD)! ")).isEqualTo("q1-q2-revenue-usd");
        assertThat(PageKeys.slug("activation_policy")).isEqualTo("activation-policy");
        assertThat(PageKeys.slug("Café")).isEqualTo("caf");
        assertThat(PageKeys.slug("!!!")).isEqualTo("untitled");
    }

    @Test
    void everyCollidingCandidateGetsItsSuffixOthersKeepTheirKey() {
        Map<String, String> keys = PageKeys.assign(Map.of(
                "a", new PageKeys.Candidate("plan", "aaaa1111"),
                "b", new PageKeys.Candidate("plan", "bbbb2222"),
                "c", new PageKeys.Candidate("other", "cccc3333")));

        assertThat(keys)
                .containsExactly(
                        Map.entry("a", "plan-aaaa1111"), Map.entry("b", "plan-bbbb2222"), Map.entry("c", "other"));
    }
}
