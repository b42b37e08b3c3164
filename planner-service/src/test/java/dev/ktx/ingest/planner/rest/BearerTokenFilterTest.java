package dev.ktx.ingest.planner.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTokenFilterTest {

    private static PlannerSettings settings(PlannerSettings.Auth auth, String token) {
        return new PlannerSettings() {
            public Auth auth() {
                return auth;
            }

            public Optional<String> apiToken() {
                return Optional.ofNullable(token);
            }
        };
    }

    @Test
    void withoutATokenThePlannerDoesNotStartUnlessAuthIsNoneExplicitly() {
        assertThatThrownBy(() -> BearerTokenFilter.requiredToken(settings(PlannerSettings.Auth.token, null)))
                .hasMessage(
                        "ktx.planner.api-token (KTX_PLANNER_API_TOKEN) is not set: the planner requires a bearer "
                                + "token on every API call; set one, or set ktx.planner.auth=none to run the API without authentication");
        assertThatThrownBy(() -> BearerTokenFilter.requiredToken(settings(PlannerSettings.Auth.token, " ")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(BearerTokenFilter.requiredToken(settings(PlannerSettings.Auth.none, null)))
                .isEmpty();
        assertThat(BearerTokenFilter.requiredToken(settings(PlannerSettings.Auth.token, "s3cret")))
                .contains("s3cret");
    }
}
