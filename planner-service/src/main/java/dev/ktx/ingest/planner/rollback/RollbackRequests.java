package dev.ktx.ingest.planner.rollback;

import dev.ktx.ingest.core.api.RollbackView;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.RollbackRequestMessage;
import dev.ktx.ingest.planner.outbound.PlannerPublisher;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.service.PublishException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Hands rollbacks to the finalizer: each request is stored as {@code pending} and published on
 * {@code rollback.requests} (keyed by run); the finalizer's outcome replaces it ({@link RollbackStore#finish}).
 */
@ApplicationScoped
public class RollbackRequests {

    /** Run ids as the planner makes them, and anything else that can name a git ref. */
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final ContextRepositories repositories;
    private final RollbackStore store;
    private final PlannerPublisher publisher;
    private final Clock clock = Clock.systemUTC();

    public RollbackRequests(ContextRepositories repositories, RollbackStore store, PlannerPublisher publisher) {
        this.repositories = repositories;
        this.store = store;
        this.publisher = publisher;
    }

    /**
     * Stores and publishes a request; the answer is {@code pending}.
     *
     * @throws IllegalArgumentException naming the field when the run id or project is not usable
     * @throws PublishException when the broker did not take the request (nothing is kept)
     */
    public RollbackView request(String runId, ProjectRef project, boolean force) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("runId: not a run id: " + runId);
        }
        try {
            repositories.repository(project);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("projectDir: " + e.getMessage(), e);
        }
        RollbackView pending = RollbackView.pending(UUID.randomUUID().toString(), runId, force, clock.instant());
        store.create(pending);
        try {
            publisher.await(
                    "the rollback request",
                    List.of(publisher.rollbackRequest(
                            RollbackRequestMessage.of(pending.rollbackId(), runId, project, force))));
        } catch (PublishException e) {
            store.delete(pending.rollbackId());
            throw e;
        }
        return pending;
    }
}
