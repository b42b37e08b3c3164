package dev.ktx.ingest.core.plan;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import java.nio.file.Path;

final class PlanFixtures {

    /** Deliberately not in plan order: sources before databases, ids unsorted. */
    static final String SHUFFLED_KTX_YAML = """
            connections:
              zendesk_notion: { driver: notion, snapshot_dir: ./notion }
              warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
              analytics_dbt: { driver: dbt, source_dir: ./dbt, target_connection: warehouse }
              archive: { driver: postgres, url: env:ARCHIVE_URL, context: { queryHistory: { enabled: true } } }
              metabase: { driver: metabase, api_url: https://mb.example.com, snapshot_dir: ./metabase }
            """;

    private PlanFixtures() {}

    static KtxConfig config(String yaml) {
        return new KtxConfigLoader().parse(yaml, Path.of("/projects/acme"));
    }

    /** A target with every step of its operation enabled. */
    static PlanTarget target(String id, Driver driver, Operation operation) {
        return new PlanTarget(
                id,
                driver,
                operation,
                operation.steps().stream().map(s -> new PlannedStep(s, true)).toList());
    }

    /** archive (query history on), warehouse (query history off), analytics_dbt, metabase, zendesk_notion. */
    static Plan fullPlan() {
        return Planner.plan(config(SHUFFLED_KTX_YAML), PlanRequest.all());
    }
}
