package dev.ktx.ingest.planner.rest;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Planner settings (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.planner")
public interface PlannerSettings {

    /** When set, write endpoints require {@code Authorization: Bearer <token>}. */
    Optional<String> apiToken();
}
