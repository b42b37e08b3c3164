package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.repo.SlSourceValidator;
import dev.ktx.ingest.core.source.Manifests;
import dev.ktx.ingest.core.source.UnitOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compiled project in the shape dbt 1.8 writes ({@code manifest/v12}), modelled on dbt Labs' jaffle-shop: models,
 * a source, tests, docs, an exposure and MetricFlow semantic models and metrics (a trimmed fixture written for this
 * test, not a copy).
 */
class JaffleShopManifestTest {

    private static final Path FIXTURES = Path.of("src", "test", "resources", "dbt");

    /** The project as dbt leaves it after a compile; its manifest is kept outside a {@code target/} in the sources. */
    @TempDir
    static Path compiled;

    @BeforeAll
    static void compileProject() throws IOException {
        Files.copy(FIXTURES.resolve("jaffle-shop/dbt_project.yml"), compiled.resolve("dbt_project.yml"));
        Files.createDirectories(compiled.resolve("target"));
        Files.copy(FIXTURES.resolve("jaffle-shop-manifest.json"), compiled.resolve("target/manifest.json"));
    }

    private static final InMemoryRepoTree WAREHOUSE = new InMemoryRepoTree()
            .file("semantic-layer/warehouse/_schema/public.yaml", """
                    tables:
                      orders:
                        table: jaffle.public.orders
                        columns:
                          - {name: order_id, type: text, pk: true}
                          - {name: customer_id, type: text}
                          - {name: location_id, type: text}
                          - {name: ordered_at, type: timestamp}
                          - {name: order_total, type: numeric}
                          - {name: tax_paid, type: numeric}
                          - {name: is_food_order, type: boolean}
                      customers:
                        table: jaffle.public.customers
                        columns:
                          - {name: customer_id, type: text, pk: true}
                          - {name: customer_type, type: text}
                    """)
            .file("semantic-layer/warehouse/_schema/raw.yaml", """
                    tables:
                      raw_stores:
                        table: jaffle.raw.raw_stores
                        columns:
                          - {name: id, type: text}
                    """);

    @Test
    void semanticModelsAndMetricsBecomeMeasuresSegmentsAndJoinsOnTheOverlay() throws Exception {
        UnitOutput models = DbtFixture.run(compiled, WAREHOUSE).get("models");

        String orders = DbtFixture.text(models, "semantic-layer/warehouse/orders.yaml");
        assertThat(orders).isEqualTo("""
                descriptions:
                  dbt: Order overview data mart, offering key details for each order including if it's a customer's first order and a food vs. drink item breakdown. One row per order.
                  dbt_exposures: 'dashboard Weekly KPIs (owner: Finance) https://bi.jaffle.example/dashboards/12'
                column_overrides:
                  customer_id:
                    descriptions:
                      dbt: The foreign key relating to the customer who placed the order.
                      dbt_tests: 'relationships: customers.customer_id'
                  order_id:
                    descriptions:
                      dbt: The unique key of the orders mart.
                      dbt_tests: unique
                  order_total:
                    descriptions:
                      dbt: The total amount of the order in USD including tax.
                measures:
                  - name: food_orders
                    agg: sum
                    sql: CASE WHEN is_food_order THEN 1 ELSE 0 END
                    descriptions:
                      dbt: Orders with food in them.
                  - name: food_revenue
                    agg: sum
                    sql: CASE WHEN (customer_id is not null) AND (is_food_order = true) THEN order_total END
                    descriptions:
                      dbt: Food Revenue
                  - name: large_order
                    agg: sum
                    sql: CASE WHEN order_total >= 20 THEN 1 END
                    descriptions:
                      dbt: Count of orders with order total over 20.
                  - name: order_count
                    agg: sum
                    sql: '1'
                  - name: order_total
                    agg: sum
                    column: order_total
                    descriptions:
                      dbt: Sum of total order amount. Includes tax + revenue.
                  - name: orders
                    agg: sum
                    sql: '1'
                    descriptions:
                      dbt: Count of orders.
                  - name: tax_paid
                    agg: sum
                    column: tax_paid
                    descriptions:
                      dbt: The total tax paid on each order.
                segments:
                  - name: food_revenue_filter
                    sql: (customer_id is not null) AND (is_food_order = true)
                    columns:
                      - customer_id
                      - is_food_order
                    descriptions:
                      dbt: The filter of metric food_revenue.
                  - name: large_order_filter
                    sql: order_total >= 20
                    columns:
                      - order_total
                    descriptions:
                      dbt: The filter of metric large_order.
                joins:
                  - to: customers
                    'on': orders.customer_id = customers.customer_id
                    relationship: many_to_one
                    source: dbt
                """);
        assertThat(SlSourceValidator.validate(
                        SlSourceCodec.parse(orders),
                        Optional.of(Manifests.entries(WAREHOUSE, "warehouse").get("orders"))))
                .isEmpty();
        assertThat(models.provenance())
                .extracting(ProvenanceRow::artifactKey, ProvenanceRow::action, ProvenanceRow::reason)
                .containsExactly(
                        tuple("warehouse/customers", ProvenanceRow.Action.SOURCE_CREATED, null),
                        tuple("warehouse/locations", ProvenanceRow.Action.UNMAPPED, ProvenanceRow.MISSING_TARGET_TABLE),
                        tuple(
                                "warehouse/orders",
                                ProvenanceRow.Action.SKIPPED,
                                "measure median_order_total: agg median"),
                        tuple(
                                "warehouse/orders",
                                ProvenanceRow.Action.SKIPPED,
                                "metric new_customer_orders: filter names another model, time or metric"),
                        tuple(
                                "warehouse/orders",
                                ProvenanceRow.Action.SKIPPED,
                                "metric order_gross_profit: type derived"),
                        tuple(
                                "warehouse/orders",
                                ProvenanceRow.Action.SKIPPED,
                                "measure order_cost: unknown column order_cost"),
                        tuple(
                                "warehouse/orders",
                                ProvenanceRow.Action.SKIPPED,
                                "join to locations: missing_target_table"),
                        tuple("warehouse/orders", ProvenanceRow.Action.SOURCE_CREATED, null),
                        tuple("warehouse/raw_stores", ProvenanceRow.Action.SOURCE_CREATED, null));
    }

    @Test
    void sourcesGetOverlaysWithTheirTestsAndOnlyTheProjectsDocsBlocksBecomePages() throws Exception {
        Map<String, UnitOutput> outputs = DbtFixture.run(compiled, WAREHOUSE);

        assertThat(DbtFixture.text(outputs.get("models"), "semantic-layer/warehouse/raw_stores.yaml"))
                .isEqualTo("""
                descriptions:
                  dbt: One record per store, as the shop system exports it.
                column_overrides:
                  id:
                    descriptions:
                      dbt: The store's id in the shop system.
                      dbt_tests: not_null
                """);
        assertThat(outputs.get("docs").writes()).containsOnlyKeys("wiki/global/order-total.md");
    }
}
