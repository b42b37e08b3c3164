package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackCommandTest {

    @TempDir
    Path home;

    private CliEnvironment environment(Map<String, String> variables) {
        return new CliEnvironment(variables, Clock.systemUTC(), home);
    }

    @Test
    void upWithoutTheServiceJarsSaysHowToBuildAndStartsNothing() {
        CliRun run = CliRun.with(environment(Map.of()), "stack", "up");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("missing " + home.resolve("planner-service/target/quarkus-app/quarkus-run.jar"))
                .contains("missing " + home.resolve("finalizer-service/target/quarkus-app/quarkus-run.jar"))
                .endsWith("build the services first: ./mvnw -B -q install -DskipTests\n");
        assertThat(home.resolve(".ktx-stack")).doesNotExist();
    }

    @Test
    void statusOfAStackThatIsNotUpListsEveryComponentAsNotRunning() {
        CliRun run = CliRun.with(environment(Map.of()), "stack", "status");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList())
                .hasSize(6)
                .allMatch(line -> line.matches("[a-z-]+ +not running +not ready +-"));
        assertThat(run.out()).startsWith("kafka ");
    }

    @Test
    void statusShowsExternalComponentsFromTheEnvironment() {
        CliRun run = CliRun.with(environment(Map.of("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9")), "stack", "status");

        assertThat(run.out().lines().findFirst())
                .hasValueSatisfying(line -> assertThat(line).matches("kafka +external +not ready +127\\.0\\.0\\.1:9"));
    }

    @Test
    void downOfAStackWhoseProcessesAreGoneCleansUpItsState() throws IOException {
        Path stackDir = home.resolve("state");
        Files.createDirectories(stackDir.resolve("kafka-data/meta"));
        StackEnv.empty().with(StackEnv.PLANNER_URL, "http://127.0.0.1:9").write(stackDir.resolve("stack.env"));
        Process exited = new ProcessBuilder("true").start();
        exited.onExit().join();
        new PidFile(stackDir.resolve("pids/redis.pid")).write(exited.toHandle());

        CliRun run = CliRun.with(environment(Map.of("KTX_STACK_DIR", stackDir.toString())), "stack", "down");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("redis: not running\n", "planner-service: not running\n");
        assertThat(stackDir.resolve("pids/redis.pid")).doesNotExist();
        assertThat(stackDir.resolve("stack.env")).doesNotExist();
        assertThat(stackDir.resolve("kafka-data")).doesNotExist();
    }

    @Test
    void statusDoesNotShowCredentialsOfAnExternalRedis() {
        CliRun run = CliRun.with(
                environment(Map.of("KTX_REDIS_URL", "redis://user:s3cret@127.0.0.1:9/0")), "stack", "status");

        assertThat(run.out()).contains("redis://***@127.0.0.1:9/0").doesNotContain("s3cret");
    }
}
