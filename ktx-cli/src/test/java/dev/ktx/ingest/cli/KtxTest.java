package dev.ktx.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KtxTest {

    @Test
    void connectionIdAndAllTogetherIsAUsageError() {
        CliRun run = CliRun.of("ingest", "warehouse", "--all", "--dry-run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Give either a connection id or --all, not both\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void neitherConnectionIdNorAllIsAUsageError() {
        CliRun run = CliRun.of("ingest", "--planner", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Nothing to ingest: give a connection id or --all\n");
    }

    @Test
    void unknownOptionsAndMissingSubcommandsAreUsageErrors() {
        assertThat(CliRun.of("ingest", "--all", "--bogus").exitCode()).isEqualTo(2);
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("stack").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("sessions", "gc").err()).contains("--older-than");
    }

    @Test
    void aBadDurationIsAUsageError() {
        CliRun run = CliRun.of("sessions", "gc", "--older-than", "7 days");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'7 days' is not a duration");
    }

    @Test
    void aPlannerUrlThatIsNotHttpIsAUsageError() {
        CliRun run = CliRun.of("ingest", "--all", "--planner", "localhost:8080");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("the planner URL must be http(s)://host[:port]: localhost:8080\n");
    }

    @Test
    void helpExitsWithZero() {
        CliRun run = CliRun.of("ingest", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--dry-run", "--project-dir", "--planner", "--token", "--timeout");
    }
}
