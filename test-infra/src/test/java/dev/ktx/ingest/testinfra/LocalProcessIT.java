package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalProcessIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    /** A sleep duration unique to this test, so we can find exactly the processes it started. */
    private final String marker = "60." + ThreadLocalRandom.current().nextInt(100_000_000, 1_000_000_000);

    @Test
    void closeStopsTheProcessAndItsChildren() throws Exception {
        Path log = dir.resolve("tree.log");
        LocalProcess process = LocalProcess.start(
                "tree",
                shell("sleep " + marker + " & echo started; wait"),
                log,
                () -> Files.readString(log).contains("started"),
                TIMEOUT);
        List<ProcessHandle> tree = ourProcesses();
        assertThat(tree).isNotEmpty();

        process.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
    }

    @Test
    void aProcessThatDiesBeforeItIsReadyFailsQuotingItsLog() {
        assertThatThrownBy(() -> LocalProcess.start(
                        "doomed", shell("echo cannot bind; exit 3"), dir.resolve("doomed.log"), () -> false, TIMEOUT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("doomed exited with code 3 before it was ready")
                .hasMessageContaining("cannot bind");
    }

    @Test
    void aProcessNeverReadyIsKilledAtTheTimeout() {
        assertThatThrownBy(() -> LocalProcess.start(
                        "sleeper",
                        shell("exec sleep " + marker),
                        dir.resolve("sleeper.log"),
                        () -> false,
                        Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("sleeper was not ready within PT0.3S");
        assertThat(ourProcesses()).isEmpty();
    }

    @Test
    void runFailsOnANonZeroExitQuotingTheLog() {
        assertThatThrownBy(() ->
                        LocalProcess.run("setup", shell("echo bad flag; exit 2"), dir.resolve("setup.log"), TIMEOUT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("setup exited with code 2")
                .hasMessageContaining("bad flag");
    }

    private static List<String> shell(String script) {
        return List.of("sh", "-c", script);
    }

    private List<ProcessHandle> ourProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> List.of(args).contains(marker))
                        .orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }
}
