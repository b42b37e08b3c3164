package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.source.SourceRepo;
import dev.ktx.ingest.core.source.UnitOutput;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtAdapterTest {

    private static final String PROJECT_YML = "name: shop\nversion: '1.0'\nconfig-version: 2\n";
    private static final String SCHEMA_YML = """
            version: 2
            models:
              - name: orders
                description: "One row per order. See {{ doc('order_status') }}"
                columns:
                  - name: id
                    description: Primary key.
                    tests: [not_null, unique]
                  - name: name
                    data_tests:
                      - accepted_values:
                          values: [open, shipped]
                      - relationships:
                          arguments:
                            to: ref('customers')
                            field: id
                  - name: not_in_warehouse
                    description: Dropped, the table has no such column.
              - name: legacy_orders
                description: Never built.
            """;
    private static final String DOCS_MD = """
            {% docs order_status %}
            Orders move from open to shipped. Returns are [[returns]].
            {% enddocs %}
            """;
    private static final InMemoryRepoTree BASE =
            new InMemoryRepoTree().file(SourceRepo.SHARD, SourceRepo.shard("customers", "orders"));

    @TempDir
    Path dir;

    @Test
    void schemaYmlModelsBecomeOverlaysOnManifestBackedTables() throws Exception {
        Path project = DbtFixture.project(
                dir,
                Map.of(
                        "dbt_project.yml",
                        PROJECT_YML,
                        "models/marts/schema.yml",
                        SCHEMA_YML,
                        "models/docs.md",
                        DOCS_MD));

        UnitOutput models = DbtFixture.run(project, BASE).get("models");

        assertThat(models.writes()).containsOnlyKeys("semantic-layer/warehouse/orders.yaml");
        assertThat(DbtFixture.text(models, "semantic-layer/warehouse/orders.yaml"))
                .isEqualTo("""
                descriptions:
                  dbt: One row per order. See Orders move from open to shipped. Returns are [[returns]].
                column_overrides:
                  id:
                    descriptions:
                      dbt: Primary key.
                      dbt_tests: not_null; unique
                  name:
                    descriptions:
                      dbt_tests: 'accepted_values: open, shipped; relationships: customers.id'
                """);
        assertThat(models.provenance())
                .extracting(
                        ProvenanceRow::rawPath,
                        ProvenanceRow::artifactKey,
                        ProvenanceRow::action,
                        ProvenanceRow::reason)
                .containsExactly(
                        tuple(
                                "models/marts/schema.yml",
                                "warehouse/legacy_orders",
                                ProvenanceRow.Action.UNMAPPED,
                                ProvenanceRow.MISSING_TARGET_TABLE),
                        tuple(
                                "models/marts/schema.yml",
                                "warehouse/orders",
                                ProvenanceRow.Action.SOURCE_CREATED,
                                null));
    }

    @Test
    void docsBlocksBecomeWikiPages() throws Exception {
        Path project = DbtFixture.project(dir, Map.of("dbt_project.yml", PROJECT_YML, "models/docs.md", DOCS_MD));

        UnitOutput docs = DbtFixture.run(project, BASE).get("docs");

        assertThat(DbtFixture.text(docs, "wiki/global/order-status.md")).isEqualTo("""
                ---
                summary: Orders move from open to shipped.
                tags:
                  - dbt
                source: analytics_dbt
                ---

                Orders move from open to shipped. Returns are [[returns]].
                """);
        assertThat(docs.provenance())
                .extracting(
                        ProvenanceRow::rawPath,
                        ProvenanceRow::artifactKind,
                        ProvenanceRow::artifactKey,
                        ProvenanceRow::action)
                .containsExactly(tuple(
                        "models/docs.md",
                        ProvenanceRow.ArtifactKind.WIKI,
                        "order-status",
                        ProvenanceRow.Action.WIKI_WRITTEN));
    }

    @Test
    void aCompiledManifestIsReadInsteadOfTheSchemaFilesAndModelsMapByAlias() throws Exception {
        Path project = DbtFixture.project(
                dir,
                Map.of(
                        "dbt_project.yml",
                        PROJECT_YML,
                        "models/marts/schema.yml",
                        "models: [{name: ignored_when_compiled}]\n",
                        "target/manifest.json",
                        MANIFEST_JSON));

        Map<String, UnitOutput> outputs = DbtFixture.run(project, BASE);

        assertThat(DbtFixture.text(outputs.get("models"), "semantic-layer/warehouse/orders.yaml"))
                .isEqualTo("""
                descriptions:
                  dbt: One row per order.
                column_overrides:
                  id:
                    descriptions:
                      dbt: Primary key.
                      dbt_tests: not_null; unique
                  name:
                    descriptions:
                      dbt_tests: 'accepted_values: open, shipped'
                """);
        assertThat(outputs.get("models").provenance())
                .extracting(ProvenanceRow::rawPath, ProvenanceRow::artifactKey, ProvenanceRow::action)
                .containsExactly(
                        tuple("target/manifest.json", "warehouse/orders", ProvenanceRow.Action.SOURCE_CREATED),
                        tuple("target/manifest.json", "warehouse/orders_v1", ProvenanceRow.Action.UNMAPPED));
        assertThat(outputs.get("docs").writes()).containsOnlyKeys("wiki/global/order-status.md");
        assertThat(DbtFixture.text(outputs.get("docs"), "wiki/global/order-status.md"))
                .startsWith("---\nsummary: 'Orders: open, then shipped.'\n");
    }

    @Test
    void pageKeysAndSummariesFollowTheDocsBlock() {
        assertThat(DocsPagesUnit.pageKey("activation_policy_change_jan_2026"))
                .isEqualTo("activation-policy-change-jan-2026");
        assertThat(DocsPagesUnit.pageKey("Account_Segmentation_Rules")).isEqualTo("account-segmentation-rules");
        assertThat(DocsPagesUnit.summary("\n  # Activation policy\n\nBody.")).contains("Activation policy");
        assertThat(DocsPagesUnit.summary("Since 2026 accounts\nneed three users. Before, one."))
                .contains("Since 2026 accounts need three users.");
        assertThat(DocsPagesUnit.summary("No full stop here\n\nSecond paragraph."))
                .contains("No full stop here");
        assertThat(DocsPagesUnit.summary(" \n ")).isEmpty();
    }

    @Test
    void blocksThatCannotBePagesAreSkippedWithAReason() throws Exception {
        Path project = DbtFixture.project(dir, Map.of("dbt_project.yml", PROJECT_YML, "models/docs.md", """
                {% docs _private %}Hidden.{% enddocs %}
                {% docs empty %}   {% enddocs %}
                {% docs Twice %}Upper.{% enddocs %}
                {% docs twice %}Lower.{% enddocs %}
                """));

        UnitOutput docs = DbtFixture.run(project, BASE).get("docs");

        assertThat(docs.writes()).containsOnlyKeys("wiki/global/twice.md");
        assertThat(docs.provenance())
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(
                        tuple("twice", ProvenanceRow.Action.WIKI_WRITTEN, null),
                        tuple("-private", ProvenanceRow.Action.SKIPPED, "invalid_page_key"),
                        tuple("empty", ProvenanceRow.Action.SKIPPED, "empty_docs_block"),
                        tuple("twice", ProvenanceRow.Action.SKIPPED, "duplicate_page_key"));
    }

    @Test
    void malformedSchemaYmlIsReportedWithItsFile() throws Exception {
        Path project = DbtFixture.project(
                dir,
                Map.of(
                        "dbt_project.yml",
                        PROJECT_YML,
                        "models/staging/schema.yml",
                        "models:\n  - name: orders\n    columns: [\n"));

        assertThatThrownBy(() -> DbtFixture.run(project, BASE))
                .isInstanceOf(DbtProjectException.class)
                .hasMessageStartingWith("models/staging/schema.yml: malformed YAML at line 4");
    }

    @Test
    void aSchemaFileOfTheWrongShapeNamesTheField() throws Exception {
        Path project = DbtFixture.project(
                dir,
                Map.of(
                        "dbt_project.yml",
                        PROJECT_YML,
                        "models/schema.yml",
                        "models:\n  - name: orders\n    columns:\n      - description: no name\n"));

        assertThatThrownBy(() -> DbtFixture.run(project, BASE))
                .hasMessage("models/schema.yml: models[0].columns[0].name is required");
    }

    @Test
    void aDirectoryWithoutDbtProjectYmlIsNotADbtProject() {
        assertThatThrownBy(() -> DbtFixture.stage(dir))
                .hasMessage("no dbt project at " + dir + ": dbt_project.yml is missing");
    }

    private static final String MANIFEST_JSON = """
            {
              "metadata": {"dbt_version": "1.8.0"},
              "nodes": {
                "model.shop.orders": {
                  "resource_type": "model", "package_name": "shop", "name": "orders", "alias": "orders",
                  "description": "One row per order.",
                  "columns": {
                    "id": {"name": "id", "description": "Primary key.", "data_type": null},
                    "name": {"name": "name", "description": ""}
                  }
                },
                "model.shop.stg_orders": {
                  "resource_type": "model", "package_name": "shop", "name": "stg_orders", "alias": "orders_v1",
                  "description": "", "columns": {}
                },
                "test.shop.unique_orders_id.1a": {
                  "resource_type": "test", "column_name": "id", "attached_node": "model.shop.orders",
                  "test_metadata": {"name": "unique", "kwargs": {"column_name": "id", "model": "{{ ref('orders') }}"}}
                },
                "test.shop.not_null_orders_id.2b": {
                  "resource_type": "test", "column_name": "id", "depends_on": {"nodes": ["model.shop.orders"]},
                  "test_metadata": {"name": "not_null", "kwargs": {"column_name": "id"}}
                },
                "test.shop.accepted_values_orders_name.3c": {
                  "resource_type": "test", "column_name": "name", "attached_node": "model.shop.orders",
                  "test_metadata": {"name": "accepted_values", "kwargs": {"values": ["open", "shipped"], "column_name": "name"}}
                }
              },
              "docs": {
                "doc.shop.order_status": {"name": "order_status", "package_name": "shop",
                                          "block_contents": "Orders: open, then shipped."},
                "doc.dbt.__overview__": {"name": "__overview__", "package_name": "dbt", "block_contents": "dbt overview"}
              }
            }
            """;
}
