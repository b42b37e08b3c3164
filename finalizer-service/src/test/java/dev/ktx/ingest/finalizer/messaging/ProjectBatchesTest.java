package dev.ktx.ingest.finalizer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.finalizer.window.SessionFinalizer.Finalized;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Requests of one project that wait while its batch runs are finalized together next; other projects never wait. */
class ProjectBatchesTest {

    private static final ProjectRef ACME = new ProjectRef("acme", "/repos/acme");
    private static final ProjectRef GLOBEX = new ProjectRef("globex", "/repos/globex");

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Records each batch; the first one holds until released. Each request's outcome names its connection. */
    private List<Finalized> finalizeBatch(List<FinalizeRequestMessage> batch) throws InterruptedException {
        batches.add(batch.stream().map(FinalizeRequestMessage::connectionId).toList());
        if (batches.size() == 1) {
            firstBatchEntered.countDown();
            assertThat(releaseFirstBatch.await(30, TimeUnit.SECONDS)).isTrue();
        }
        return batch.stream()
                .map(request -> new Finalized(List.of(request.result()), false))
                .toList();
    }

    @Test
    void requestsQueuedWhileABatchRunsAreFinalizedTogetherInTheNextAndEachGetsItsOwnOutcome() throws Exception {
        ProjectBatches projectBatches = new ProjectBatches(this::finalizeBatch);
        Future<Finalized> first = submit(projectBatches, ACME, "docs");
        assertThat(firstBatchEntered.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Finalized>> queued = new ArrayList<>();
        for (String connection : List.of("faq", "metabase", "dbt")) {
            queued.add(submit(projectBatches, ACME, connection));
        }
        awaitQueued(projectBatches, ACME, 3);

        releaseFirstBatch.countDown();

        assertThat(connectionOf(first.get(30, TimeUnit.SECONDS))).isEqualTo("docs");
        for (int i = 0; i < queued.size(); i++) {
            assertThat(connectionOf(queued.get(i).get(30, TimeUnit.SECONDS)))
                    .isEqualTo(List.of("faq", "metabase", "dbt").get(i));
        }
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("docs");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("faq", "metabase", "dbt");
    }

    @Test
    void anotherProjectIsFinalizedWhileTheFirstProjectsBatchRuns() throws Exception {
        ProjectBatches projectBatches = new ProjectBatches(this::finalizeBatch);
        Future<Finalized> acme = submit(projectBatches, ACME, "docs");
        assertThat(firstBatchEntered.await(30, TimeUnit.SECONDS)).isTrue();

        Finalized globex = submit(projectBatches, GLOBEX, "wiki").get(30, TimeUnit.SECONDS);

        assertThat(connectionOf(globex)).isEqualTo("wiki");
        assertThat(acme).isNotDone();
        releaseFirstBatch.countDown();
        assertThat(connectionOf(acme.get(30, TimeUnit.SECONDS))).isEqualTo("docs");
    }

    @Test
    void aFailedBatchIsTheFailureOfEveryRequestInIt() {
        IllegalStateException broken = new IllegalStateException("repository unreadable");
        ProjectBatches projectBatches = new ProjectBatches(batch -> {
            throw broken;
        });

        assertThatThrownBy(() -> projectBatches.finalize(request(ACME, "docs"))).isSameAs(broken);
    }

    @Test
    void anErrorInABatchReachesEveryRequestOfItSoNoneWaitsForever() throws Exception {
        ProjectBatches projectBatches = new ProjectBatches(batch -> {
            List<Finalized> finalized = finalizeBatch(batch);
            if (batches.size() > 1) {
                throw new AssertionError("broken batch");
            }
            return finalized;
        });
        Future<Finalized> first = submit(projectBatches, ACME, "docs");
        assertThat(firstBatchEntered.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<Finalized>> queued =
                List.of(submit(projectBatches, ACME, "faq"), submit(projectBatches, ACME, "metabase"));
        awaitQueued(projectBatches, ACME, 2);

        releaseFirstBatch.countDown();

        assertThat(connectionOf(first.get(30, TimeUnit.SECONDS))).isEqualTo("docs");
        for (Future<Finalized> request : queued) {
            assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasRootCauseMessage("broken batch");
        }
        assertThat(batches).as("one failed batch, never an empty one after it").hasSize(2);
    }

    private Future<Finalized> submit(ProjectBatches projectBatches, ProjectRef project, String connection) {
        return threads.submit(() -> projectBatches.finalize(request(project, connection)));
    }

    /** Waits until {@code count} threads wait for the project's turn, so their requests are queued. */
    private static void awaitQueued(ProjectBatches projectBatches, ProjectRef project, int count)
            throws InterruptedException {
        CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
            while (projectBatches.waitingFor(project) < count) {
                Thread.onSpinWait();
            }
        });
        try {
            queued.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(count + " requests of " + project + " never queued", e);
        }
    }

    private static String connectionOf(Finalized finalized) {
        return finalized.results().get(0).connectionId();
    }

    private static FinalizeRequestMessage request(ProjectRef project, String connection) {
        TargetResult result = new TargetResult(
                connection,
                Driver.NOTION,
                Operation.SOURCE_INGEST,
                List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null)));
        return FinalizeRequestMessage.of("run-1", project, List.of(), result);
    }
}
