package dev.ktx.ingest.database.messaging;

import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.database.DatabaseIngest;
import dev.ktx.ingest.core.database.DatabaseRun;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.job.TargetJob;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.database.DatabaseChannels;
import dev.ktx.ingest.database.connector.DatabaseConnectors;
import dev.ktx.ingest.worker.TargetJobRunner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code jobs.database} (keyed by project, one job at a time: database targets run one after the other)
 * and scans the warehouse into the session in a {@link DatabaseRun}, which hands it to the finalizer; an unchanged
 * schema commits nothing.
 */
@ApplicationScoped
public class DatabaseJobConsumer {

    private final TargetJobRunner runner;
    private final DatabaseConnectors connectors;
    private final Clock clock = Clock.systemUTC();

    public DatabaseJobConsumer(TargetJobRunner runner, DatabaseConnectors connectors) {
        this.runner = runner;
        this.connectors = connectors;
    }

    @Incoming(DatabaseChannels.JOBS_DATABASE_IN)
    @Blocking
    public void job(String json) {
        runner.run(json, Operation.DATABASE_INGEST, this::scan);
    }

    private JobOutcome scan(TargetJob job) {
        DatabaseIngest ingest = new DatabaseIngest(connectors.forConnection(job.connection()), SecretResolver.system());
        return new DatabaseRun(job.repo(), job.traces(), clock)
                .run(job.session(), job.connection(), ingest, job.message().jobId());
    }
}
