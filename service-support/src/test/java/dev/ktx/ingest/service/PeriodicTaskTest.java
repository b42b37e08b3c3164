package dev.ktx.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {

    private static final Duration INTERVAL = Duration.ofMillis(1);

    private final PeriodicTask task =
            new PeriodicTask("ktx-test-task", "test task", Logger.getLogger(PeriodicTaskTest.class));

    @AfterEach
    void stop() {
        task.stop();
    }

    @Test
    void aRunThatThrowsDoesNotEndTheSchedule() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(3);
        task.start(Duration.ZERO, INTERVAL, () -> {
            runs.countDown();
            throw new IllegalStateException("this run fails");
        });

        assertThat(runs.await(30, TimeUnit.SECONDS))
                .as("the task runs again after a run threw")
                .isTrue();
    }

    @Test
    void theTaskRunsOnADaemonThreadOfItsOwnName() throws Exception {
        CompletableFuture<Thread> runner = new CompletableFuture<>();
        task.start(Duration.ZERO, INTERVAL, () -> runner.complete(Thread.currentThread()));

        Thread thread = runner.get(30, TimeUnit.SECONDS);
        assertThat(thread.getName()).isEqualTo("ktx-test-task");
        assertThat(thread.isDaemon()).isTrue();
    }
}
