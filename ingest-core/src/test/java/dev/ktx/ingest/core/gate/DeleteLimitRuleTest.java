package dev.ktx.ingest.core.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeleteLimitRuleTest {

    private final GateFixture fixture = new GateFixture();

    @Test
    void deletesUpToTheLimitPass() {
        fixture.session.remove(GateFixture.EVENTS); // 1 of 6 = 16.7%
        assertThat(fixture.finalGateErrors()).isEmpty();
    }

    @Test
    void deletesAboveTheLimitFailWithOneDecimal() {
        fixture.session.remove(GateFixture.EVENTS).remove("semantic-layer/dbt/_schema/analytics.yaml");
        fixture.allowedSlConnections = Set.of("wh", "dbt");
        assertThat(fixture.finalGateErrors()).containsExactly("deletes exceed limit: 2 of 6 artifacts (33.3% > 20%)");
    }

    @Test
    void rawDeletesDoNotCountAndWholePercentagesHaveNoDecimals() {
        // four pages only on main: the session deletes them, 4 of 10 artifacts
        for (int i = 1; i <= 4; i++) {
            fixture.main.file(GateFixture.page("extra-" + i), GateFixture.page("S", "", ""));
        }
        fixture.session.remove(GateFixture.SNAPSHOT + "/cards/1.json");
        assertThat(new FinalGates(10).check(fixture.input()).errors())
                .containsExactly("deletes exceed limit: 4 of 10 artifacts (40% > 10%)");
        assertThat(new FinalGates(40).check(fixture.input()).errors()).isEmpty();
    }

    @Test
    void formatsPercentages() {
        assertThat(DeleteLimitRule.percent(1, 4)).isEqualTo("25");
        assertThat(DeleteLimitRule.percent(1, 3)).isEqualTo("33.3");
        assertThat(DeleteLimitRule.percent(2, 3)).isEqualTo("66.7");
        assertThat(DeleteLimitRule.percent(10, 10)).isEqualTo("100");
    }

    @Test
    void rejectsLimitsOutsideZeroToHundred() {
        assertThatThrownBy(() -> new FinalGates(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
