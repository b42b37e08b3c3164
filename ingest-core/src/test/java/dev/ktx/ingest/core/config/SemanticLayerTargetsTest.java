package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SemanticLayerTargetsTest {

    @Test
    void eachDriverMayWriteTheSemanticLayerOfItsWarehouses() {
        KtxConfig config = new KtxConfigLoader().parse("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
                  lake: { driver: postgres, url: env:LAKE_URL }
                  analytics_dbt: { driver: dbt, source_dir: ./dbt, target_connection: lake }
                  docs: { driver: notion, snapshot_dir: ./notion }
                  bi: { driver: metabase, api_url: https://mb.example.com, snapshot_dir: ./mb,
                        mappings: { databaseMappings: { "2": warehouse, "3": lake } } }
                """, Path.of("/project"));

        assertThat(config.connection("warehouse").orElseThrow().semanticLayerTargets())
                .containsExactly("warehouse");
        assertThat(config.connection("analytics_dbt").orElseThrow().semanticLayerTargets())
                .containsExactly("lake");
        assertThat(config.connection("docs").orElseThrow().semanticLayerTargets())
                .isEmpty();
        assertThat(config.connection("bi").orElseThrow().semanticLayerTargets()).containsExactly("lake", "warehouse");
    }
}
