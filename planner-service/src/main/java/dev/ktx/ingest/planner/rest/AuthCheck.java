package dev.ktx.ingest.planner.rest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Fails the planner's start when the API would need a token it does not have (see {@link BearerTokenFilter}). */
@ApplicationScoped
public class AuthCheck {

    void onStart(@Observes StartupEvent event, PlannerSettings settings) {
        BearerTokenFilter.requiredToken(settings);
    }
}
