package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

    private static final String VARIABLE = "KTX_TEST_THING_URL";
    private final List<String> attempted = new ArrayList<>();

    @Test
    void anEndpointInTheEnvironmentWinsAndNothingIsStarted() {
        Started<String> thing = select(Map.of(VARIABLE, "given"), succeeding("docker"));

        assertThat(thing.endpoint()).isEqualTo("parsed given");
        assertThat(thing.origin()).isEqualTo(Origin.ENVIRONMENT);
        assertThat(attempted).isEmpty();
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        assertThat(select(Map.of(VARIABLE, " "), succeeding("docker")).endpoint())
                .isEqualTo("docker");
    }

    @Test
    void aMalformedEndpointFailsInsteadOfFallingBack() {
        assertThatThrownBy(() -> Selection.select(
                        "thing",
                        environment(Map.of(VARIABLE, "bad")),
                        VARIABLE,
                        value -> {
                            throw new IllegalArgumentException("unsupported " + value);
                        },
                        List.of(succeeding("docker"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unsupported bad");
        assertThat(attempted).isEmpty();
    }

    @Test
    void theFirstOptionThatStartsWinsInOrder() {
        Started<String> thing = select(
                Map.of(), failing("docker", "no Docker engine available"), succeeding("local"), succeeding("never"));

        assertThat(thing.endpoint()).isEqualTo("local");
        assertThat(attempted).containsExactly("docker", "local");
    }

    @Test
    void whenEverythingFailsTheMessageListsEachWayTriedAndWhy() {
        assertThatThrownBy(() -> select(
                        Map.of(),
                        failing("docker", "no Docker engine available"),
                        failing("local", "thing-server not found")))
                .isInstanceOf(InfraUnavailableException.class)
                .hasMessage("""
                        No thing available. Tried:
                          - KTX_TEST_THING_URL: not set
                          - docker: no Docker engine available
                          - local: thing-server not found""")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(2));
    }

    @SafeVarargs
    private Started<String> select(Map<String, String> variables, Selection.Option<String>... options) {
        return Selection.select(
                "thing", environment(variables), VARIABLE, value -> "parsed " + value, List.of(options));
    }

    private static Environment environment(Map<String, String> variables) {
        return new Environment(variables, () -> false);
    }

    private Selection.Option<String> succeeding(String name) {
        return new Selection.Option<>(name, environment -> {
            attempted.add(name);
            return Started.of(name, Origin.LOCAL, name, () -> {});
        });
    }

    private Selection.Option<String> failing(String name, String reason) {
        return new Selection.Option<>(name, environment -> {
            attempted.add(name);
            throw new IllegalStateException(reason);
        });
    }
}
