package dev.ktx.ingest.planner.rest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Planner settings (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.planner")
public interface PlannerSettings {

    /**
     * {@code token} (the default): every API call needs {@code Authorization: Bearer <api-token>}, and the planner
     * does not start without a token; {@code none}: the API is open, which must be said explicitly.
     */
    @WithDefault("token")
    Auth auth();

    /** The bearer token of {@code auth = token}. */
    Optional<String> apiToken();

    enum Auth {
        token,
        none
    }
}
