package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackEnvTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsThroughTheFile() throws IOException {
        Path file = dir.resolve("state/stack.env");
        StackEnv written = StackEnv.empty()
                .with(StackEnv.PLANNER_URL, "http://127.0.0.1:8080")
                .with(StackEnv.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:40000")
                .with(StackEnv.REDIS_URL, "redis://127.0.0.1:40001?x=a=b");

        written.write(file);

        assertThat(StackEnv.read(file)).isEqualTo(written);
        assertThat(Files.readString(file)).endsWith("""
                KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:40000
                KTX_PLANNER_URL=http://127.0.0.1:8080
                KTX_REDIS_URL=redis://127.0.0.1:40001?x=a=b
                """);
        assertThat(dir.resolve("state")).isDirectoryNotContaining("glob:**.tmp");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("it holds the API token: its owner's only")
                .isEqualTo("rw-------");
    }

    @Test
    void aMissingFileIsAnEmptyStack() {
        assertThat(StackEnv.read(dir.resolve("stack.env"))).isEqualTo(StackEnv.empty());
    }

    @Test
    void skipsCommentsAndBlankLines() throws IOException {
        Path file = dir.resolve("stack.env");
        Files.writeString(file, "# comment\n\nKTX_PLANNER_URL = http://h:1\nnot an entry\n");

        assertThat(StackEnv.read(file)).isEqualTo(StackEnv.empty().with(StackEnv.PLANNER_URL, "http://h:1"));
    }

    @Test
    void requireNamesTheMissingEndpoint() {
        assertThatThrownBy(() -> StackEnv.empty().require(StackEnv.REDIS_URL)).hasMessageContaining("KTX_REDIS_URL");
    }
}
