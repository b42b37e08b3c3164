package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void findsTheLiveProcessItWasWrittenFor() {
        PidFile pidFile = new PidFile(dir.resolve("pids/kafka.pid"));

        pidFile.write(ProcessHandle.current());

        assertThat(pidFile.alive()).contains(ProcessHandle.current());
    }

    @Test
    void aReusedPidIsNotOurs() throws IOException {
        Path file = dir.resolve("kafka.pid");
        Files.writeString(file, ProcessHandle.current().pid() + " 1000\n");

        assertThat(new PidFile(file).alive()).isEmpty();
    }

    @Test
    void anExitedProcessIsNotAlive() throws Exception {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        PidFile pidFile = new PidFile(dir.resolve("redis.pid"));
        pidFile.write(exited.toHandle());

        assertThat(pidFile.alive()).isEmpty();
    }

    @Test
    void noFileNoProcessAndDeleteIsIdempotent() {
        PidFile pidFile = new PidFile(dir.resolve("none.pid"));

        assertThat(pidFile.alive()).isEmpty();
        pidFile.delete();
        pidFile.delete();
    }

    @Test
    void refusesAFileThatIsNotAPidFile() throws IOException {
        Path file = dir.resolve("odd.pid");
        Files.writeString(file, "hello\n");

        assertThatThrownBy(() -> new PidFile(file).alive()).hasMessageContaining("not a pid file");
    }
}
