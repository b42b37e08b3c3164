package dev.ktx.ingest.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessLocks;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.retry.Retrier;
import dev.ktx.ingest.core.retry.RetriesExhaustedException;
import dev.ktx.ingest.core.retry.RetryPolicy;
import dev.ktx.ingest.core.trace.Heartbeats;
import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job frame on a real repository, with no finalizer running: what a redelivered or retried job publishes. */
class TargetJobFrameTest {

    private static final String PAGE = "wiki/global/docs.md";
    private static final String PAGE_TEXT = "---\nsummary: docs\n---\n\nfrom docs\n";
    private static final SessionId SESSION = new SessionId("20260310120000-ab12cd34", "docs");

    @TempDir
    Path dir;

    private LocalContextRepository repo;
    private ProjectRef project;
    private String configCommit;
    private final List<FinalizeRequestMessage> finalizeRequests = new CopyOnWriteArrayList<>();
    private final List<TargetResultMessage> results = new CopyOnWriteArrayList<>();
    private final List<TraceEvent> trace = new CopyOnWriteArrayList<>();
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private final AtomicInteger publishFailures = new AtomicInteger();
    private final AtomicInteger bodyRuns = new AtomicInteger();
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private TargetJobFrame frame;

    @BeforeEach
    void setUp() {
        Path repoDir = dir.resolve("acme.git");
        repo = LocalContextRepository.initBare(
                repoDir,
                Changeset.builder()
                        .write("ktx.yaml", "connections:\n  docs: { driver: notion, snapshot_dir: ./notion }\n")
                        .build(),
                "init");
        configCommit = repo.mainHead().orElseThrow();
        project = new ProjectRef("acme", repoDir.toString());
        scheduler.setRemoveOnCancelPolicy(true);
        JobProjects projects = new JobProjects() {
            @Override
            public ContextRepository repository(ProjectRef ref) {
                return repo;
            }

            @Override
            public KtxConfig config(ProjectRef ref, String commit) {
                return new KtxConfigLoader()
                        .parse(repo.tree(commit).readText("ktx.yaml").orElseThrow(), dir);
            }

            @Override
            public Path directory(ProjectRef ref, String commit) {
                return dir;
            }
        };
        JobPublisher publisher = new JobPublisher() {
            @Override
            public void finalizeRequest(FinalizeRequestMessage request) {
                failIfAsked();
                finalizeRequests.add(request);
            }

            @Override
            public void result(TargetResultMessage result) {
                failIfAsked();
                results.add(result);
            }
        };
        frame = new TargetJobFrame(
                projects,
                new InProcessLocks(),
                publisher,
                trace::add,
                new Heartbeats(scheduler, Duration.ofMillis(20)),
                new Retrier(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), pauses::add, () -> 0.5),
                Duration.ofMinutes(1),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        scheduler.shutdownNow();
        repo.close();
    }

    private void failIfAsked() {
        if (publishFailures.getAndDecrement() > 0) {
            throw new IllegalStateException("broker unavailable");
        }
    }

    /** A deterministic source: writes its page unless the base (main) already has it. */
    private JobOutcome writePage(TargetJob job) {
        bodyRuns.incrementAndGet();
        TargetResult done = result(StepStatus.DONE, null);
        if (job.repo()
                .tree(job.baseCommit())
                .readText(PAGE)
                .filter(PAGE_TEXT::equals)
                .isPresent()) {
            return new JobOutcome.Unchanged(done);
        }
        job.repo()
                .commit(
                        job.session(),
                        Changeset.builder().write(PAGE, PAGE_TEXT).build(),
                        "ktx: docs sync");
        return new JobOutcome.ReadyToFinalize(done, List.of());
    }

    private static TargetResult result(StepStatus status, String detail) {
        return new TargetResult(
                "docs",
                dev.ktx.ingest.core.config.Driver.NOTION,
                Operation.SOURCE_INGEST,
                List.of(new StepResult(Step.SOURCE_INGEST, status, detail)));
    }

    private TargetJobMessage job(String connectionId) {
        return TargetJobMessage.of(SESSION.runId(), project, connectionId, "job-1", configCommit);
    }

    private void run(Function<TargetJob, JobOutcome> body) throws InterruptedException {
        frame.run(job("docs"), Operation.SOURCE_INGEST, body);
    }

    @Test
    void aJobDeliveredAgainAfterItsHandOffPublishesTheSameFinalizeRequestAndKeepsTheWork() throws Exception {
        run(this::writePage);
        String sessionHead = repo.sessionHead(SESSION).orElseThrow();

        run(this::writePage);

        assertThat(bodyRuns).hasValue(1);
        assertThat(finalizeRequests).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(finalizeRequests.get(0)));
        assertThat(results).isEmpty();
        assertThat(repo.sessionHead(SESSION)).contains(sessionHead);
        assertThat(repo.tree(sessionHead).readText(PAGE)).contains(PAGE_TEXT);
    }

    @Test
    void aJobDeliveredAgainAfterItsSessionCommitButBeforeItsHandOffRedoesItFromMain() throws Exception {
        // What a worker killed between its session commit and its finalize request leaves behind.
        repo.openSession(SESSION);
        repo.commit(SESSION, Changeset.builder().write(PAGE, PAGE_TEXT).build(), "ktx: docs sync");
        repo.writeSentinel(SESSION, new Sentinel(Sentinel.Outcome.crash, Instant.now(), null, null, "killed"));

        run(this::writePage);

        assertThat(finalizeRequests)
                .hasSize(1)
                .first()
                .satisfies(r -> assertThat(r.result()
                                .step(Step.SOURCE_INGEST)
                                .orElseThrow()
                                .status())
                        .isEqualTo(StepStatus.DONE));
        assertThat(results).as("not reported unchanged").isEmpty();
        String head = repo.sessionHead(SESSION).orElseThrow();
        assertThat(repo.tree(head).readText(PAGE)).contains(PAGE_TEXT);
        assertThat(repo.isAncestor(configCommit, head)).isTrue();
        assertThat(repo.diff(configCommit, head)).hasSize(1);
        assertThat(repo.sentinel(SESSION)).isEmpty();
    }

    @Test
    void twoCopiesInFlightTakeTurnsOnTheSessionAndPublishTheSameOutcome() throws Exception {
        AtomicInteger inBody = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Function<TargetJob, JobOutcome> slowBody = job -> {
            if (inBody.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(200); // widens the window in which a second copy could interleave
                return writePage(job);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inBody.decrementAndGet();
            }
        };

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> runQuietly(slowBody));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> runQuietly(slowBody));
        CompletableFuture.allOf(first, second).get(1, TimeUnit.MINUTES);

        assertThat(overlaps).hasValue(0);
        assertThat(bodyRuns)
                .as("the second copy found the first one's hand-off")
                .hasValue(1);
        assertThat(finalizeRequests).hasSize(2).allSatisfy(r -> assertThat(r).isEqualTo(finalizeRequests.get(0)));
    }

    private void runQuietly(Function<TargetJob, JobOutcome> body) {
        try {
            run(body);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUnchangedSourceDropsItsSessionAndReportsDone() throws Exception {
        repo.openSession(new SessionId("seed", "docs"));
        repo.commit(
                new SessionId("seed", "docs"),
                Changeset.builder().write(PAGE, PAGE_TEXT).build(),
                "seed");
        repo.squash(
                new SessionId("seed", "docs"),
                configCommit,
                new dev.ktx.ingest.core.git.SquashMetadata("seed", java.util.OptionalLong.empty()));

        run(this::writePage);

        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.result()).isEqualTo(result(StepStatus.DONE, null)));
        assertThat(repo.sessions()).isEmpty();
        assertThat(repo.handoff(SESSION)).isEmpty();
    }

    @Test
    void aConnectionMissingFromKtxYamlPublishesAFailedResultInsteadOfThrowing() throws Exception {
        frame.run(job("gone"), Operation.SOURCE_INGEST, this::writePage);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.result().connectionId()).isEqualTo("gone");
            assertThat(r.result().failure())
                    .get()
                    .extracting(StepResult::detail)
                    .isEqualTo("connection gone is not in ktx.yaml at " + configCommit);
        });
        assertThat(bodyRuns).hasValue(0);
        assertThat(pauses).as("a permanent failure is not retried").isEmpty();
    }

    @Test
    void aTransientFailureRestartsTheSessionAndTheRetryLandsOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        run(job -> {
            JobOutcome outcome = writePage(job);
            if (calls.incrementAndGet() == 1) {
                throw new UncheckedIOException("cannot update " + job.session().sessionRef(), new IOException("gone"));
            }
            return outcome;
        });

        assertThat(pauses).hasSize(1);
        assertThat(finalizeRequests).hasSize(1);
        assertThat(repo.diff(configCommit, repo.sessionHead(SESSION).orElseThrow()))
                .hasSize(1);
        assertThat(trace)
                .filteredOn(e -> e.event().equals(TraceEvents.TARGET_RETRY))
                .singleElement()
                .satisfies(e -> assertThat(e.error()).isEqualTo("cannot update " + SESSION.sessionRef()));
    }

    @Test
    void aTransientFailureThatPersistsFailsTheTargetWithTheReasonAndKeepsTheSession() throws Exception {
        run(job -> {
            throw new UncheckedIOException("disk unavailable", new IOException("No space left on device"));
        });

        String error = "source-ingest failed after 3 attempts: disk unavailable";
        assertThat(pauses).hasSize(2);
        assertThat(results)
                .singleElement()
                .satisfies(r -> assertThat(r.result().failure())
                        .get()
                        .extracting(StepResult::detail)
                        .isEqualTo(error));
        assertThat(repo.sentinel(SESSION)).get().extracting(Sentinel::error).isEqualTo(error);
        assertThat(finalizeRequests).isEmpty();
    }

    @Test
    void heartbeatsNameThePhaseOfTheTargetsLastEventAndStopWithTheJob() throws Exception {
        run(job -> {
            job.tracer().info("fetch", "fetch_started", java.util.Map.of());
            long deadline = System.currentTimeMillis() + 30_000;
            while (heartbeatPhases().stream().filter("fetch"::equals).count() < 2
                    && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            return writePage(job);
        });

        // Before the body's first event a heartbeat names the operation; after it, the event's phase.
        assertThat(heartbeatPhases()).isSubsetOf("source-ingest", "fetch");
        assertThat(heartbeatPhases()).filteredOn("fetch"::equals).hasSizeGreaterThanOrEqualTo(2);
        assertThat(scheduler.getQueue()).as("no heartbeat left scheduled").isEmpty();
    }

    private List<String> heartbeatPhases() {
        return new ArrayList<>(trace)
                .stream()
                        .filter(e -> e.event().equals(TraceEvents.TARGET_HEARTBEAT))
                        .map(TraceEvent::phase)
                        .toList();
    }

    @Test
    void publishingIsRetriedAndAnOutcomeThatCannotBePublishedIsThrown() throws Exception {
        publishFailures.set(2);
        run(this::writePage);
        assertThat(finalizeRequests).hasSize(1);

        publishFailures.set(3);
        assertThatThrownBy(() -> run(this::writePage))
                .isInstanceOf(RetriesExhaustedException.class)
                .hasMessageEndingWith("failed after 3 attempts: broker unavailable");
    }
}
