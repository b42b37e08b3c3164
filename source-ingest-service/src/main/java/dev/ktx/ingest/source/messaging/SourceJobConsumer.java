package dev.ktx.ingest.source.messaging;

import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.job.TargetJob;
import dev.ktx.ingest.core.lock.RedissonProjectLock;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.SourceRun;
import dev.ktx.ingest.core.source.SourceRunResult;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import dev.ktx.ingest.service.ContextRepositories;
import dev.ktx.ingest.source.SourceChannels;
import dev.ktx.ingest.source.adapter.SourceAdapters;
import dev.ktx.ingest.source.settings.SourceIngestSettings;
import dev.ktx.ingest.worker.TargetJobRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.redisson.api.RedissonClient;

/**
 * Consumes {@code jobs.source}. Jobs run on a named worker pool whose size ({@code KTX_SOURCE_CONCURRENCY}) caps the
 * jobs in flight per replica whatever partitions the jobs landed on (jobs need no order among themselves); more
 * replicas in the consumer group scale out.
 */
@ApplicationScoped
@Startup // registers its metrics before the first job arrives
public class SourceJobConsumer {

    static final String WORKER_POOL = "source-jobs";

    private final TargetJobRunner runner;
    private final SourceAdapters adapters;
    private final ContextRepositories projects;
    private final RedissonProjectLock lock;
    private final SourceIngestSettings settings;
    private final JobPadding padding;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Clock clock = Clock.systemUTC();

    public SourceJobConsumer(
            TargetJobRunner runner,
            SourceAdapters adapters,
            RedissonClient redisson,
            ContextRepositories projects,
            SourceIngestSettings settings,
            MeterRegistry meters,
            @ConfigProperty(name = "smallrye.messaging.worker." + WORKER_POOL + ".max-concurrency") int concurrency) {
        this.runner = runner;
        this.adapters = adapters;
        this.projects = projects;
        this.lock = new RedissonProjectLock(redisson);
        this.settings = settings;
        this.padding = new JobPadding(settings);
        meters.gauge("ktx_source_jobs_in_flight", inFlight);
        // The replica's cap beside its jobs in flight, so a dashboard shows how full the workers are.
        Gauge.builder("ktx_source_concurrency", () -> concurrency).register(meters);
    }

    @Incoming(SourceChannels.JOBS_SOURCE_IN)
    @Blocking(value = WORKER_POOL, ordered = false)
    public void job(String json) {
        runner.run(json, Operation.SOURCE_INGEST, this::ingest);
    }

    private JobOutcome ingest(TargetJob job) {
        inFlight.incrementAndGet();
        long started = clock.millis();
        try {
            SourceRun run = new SourceRun(
                    job.repo(),
                    new ReconciliationRefresh(job.repo(), lock, job.traces(), clock, settings.lockWait()),
                    job.traces(),
                    clock,
                    job.config().ingest().workUnitsMaxConcurrency());
            SourceContext context = new SourceContext(
                    job.message().runId(),
                    job.connection(),
                    job.config(),
                    projects.directory(job.message().project(), job.message().configCommit()),
                    SecretResolver.system());
            SourceRunResult result = run.run(
                    job.message().project().projectId(),
                    job.session(),
                    adapters.forConnection(job.connection()),
                    context,
                    job.message().jobId());
            padToMinimumDuration(job.connection().id(), started);
            return result.outcome(job.connection());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting " + job.session(), e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void padToMinimumDuration(String connectionId, long started) throws InterruptedException {
        long remaining = padding.of(connectionId).toMillis() - (clock.millis() - started);
        if (remaining > 0) {
            Thread.sleep(remaining);
        }
    }
}
