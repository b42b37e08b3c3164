package dev.ktx.ingest.cli.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunTest {

    private static final String KTX_YAML = """
            connections:
              warehouse:
                driver: postgres
                url: env:WAREHOUSE_URL
                context: { queryHistory: { enabled: true } }
              docs:
                driver: notion
                snapshot_dir: ./snapshots/notion
              analytics_dbt:
                driver: dbt
                source_dir: ./dbt
                target_connection: warehouse
              archive:
                driver: postgres
                url: env:ARCHIVE_URL
            ingest:
              sources: { maxConcurrency: 2 }
            """;

    @TempDir
    Path project;

    @Test
    void printsThePlanWithoutAnyService() throws IOException {
        Files.writeString(project.resolve("ktx.yaml"), KTX_YAML);

        CliRun run = CliRun.of(
                "ingest", "--all", "--dry-run", "--project-dir", project.toString(), "--planner", "http://127.0.0.1:9");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                Source         Database schema  Query history  Source ingest
                archive        planned          skipped        -
                warehouse      planned          planned        -
                analytics_dbt  -                -              planned
                docs           -                -              planned
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsTheJsonOfADryRun() throws IOException {
        Files.writeString(project.resolve("ktx.yaml"), KTX_YAML);

        CliRun run = CliRun.of("ingest", "docs", "--dry-run", "--json", "--project-dir", project.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo("{\"runId\":null,"
                        + "\"plan\":[{\"connectionId\":\"docs\",\"driver\":\"notion\",\"operation\":\"source-ingest\",\"steps\":[\"source-ingest\"]}],"
                        + "\"results\":[{\"connectionId\":\"docs\",\"driver\":\"notion\",\"operation\":\"source-ingest\","
                        + "\"steps\":[{\"step\":\"source-ingest\",\"status\":\"not-run\"}]}]}\n");
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.fieldNames()).toIterable().containsExactly("runId", "plan", "results");
    }

    @Test
    void anInvalidKtxYamlIsAConfigurationError() throws IOException {
        Files.writeString(project.resolve("ktx.yaml"), """
                connections:
                  warehouse: { driver: oracle, url: env:X }
                ingest:
                  sources: { maxConcurency: 4 }
                """);

        CliRun run = CliRun.of("ingest", "--all", "--dry-run", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList())
                .contains("Unsupported ingest.sources.maxConcurency: unknown field")
                .anyMatch(line -> line.contains("connections.warehouse.driver"));
    }

    @Test
    void aMissingKtxYamlIsAConfigurationError() {
        CliRun run = CliRun.of("ingest", "--all", "--dry-run", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("Missing " + project.toAbsolutePath().resolve("ktx.yaml")
                        + ": the project directory has no ktx.yaml\n");
    }

    @Test
    void anUnknownConnectionIsAUsageError() throws IOException {
        Files.writeString(project.resolve("ktx.yaml"), KTX_YAML);

        CliRun run = CliRun.of("ingest", "nope", "--dry-run", "--project-dir", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("Unknown connection: nope (known: analytics_dbt, archive, docs, warehouse)\n");
    }
}
