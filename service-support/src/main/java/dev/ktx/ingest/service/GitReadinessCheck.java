package dev.ktx.ingest.service;

import dev.ktx.ingest.core.git.ContextRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every context repo this process works on can still be read (e.g. the shared volume is there). */
@Readiness
@ApplicationScoped
public class GitReadinessCheck implements HealthCheck {

    private final ContextRepositories repositories;

    public GitReadinessCheck(ContextRepositories repositories) {
        this.repositories = repositories;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("git").up();
        for (Map.Entry<String, ContextRepository> repo : repositories.opened().entrySet()) {
            try {
                repo.getValue().mainHead();
                response.withData(repo.getKey(), "readable");
            } catch (RuntimeException e) {
                response.down().withData(repo.getKey(), String.valueOf(e.getMessage()));
            }
        }
        return response.build();
    }
}
