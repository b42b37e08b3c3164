package dev.ktx.ingest.core.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ManifestCodecTest {

    static ManifestEntry entry(String table, String... columns) {
        return new ManifestEntry(
                table,
                new TreeMap<>(),
                java.util.Arrays.stream(columns)
                        .map(name -> new ManifestColumn(name, "text", false, true, new TreeMap<>()))
                        .toList(),
                List.of(),
                null);
    }

    private static final ManifestShard SHARD = new ManifestShard(new TreeMap<>(Map.of(
            "orders",
            new ManifestEntry(
                    "shop.public.orders",
                    new TreeMap<>(Map.of("db", "Orders placed")),
                    List.of(
                            new ManifestColumn("id", "bigint", true, false, new TreeMap<>()),
                            new ManifestColumn(
                                    "customer_id",
                                    "bigint",
                                    false,
                                    true,
                                    new TreeMap<>(Map.of("dbt", "Buyer\nsee customers")))),
                    List.of(new Join(
                            "customers",
                            "orders.customer_id = customers.id",
                            Join.Relationship.MANY_TO_ONE,
                            "foreign_key")),
                    new TableUsage(120, new TreeMap<>(Map.of("id", 120L, "customer_id", 40L)))),
            "customers",
            entry("shop.public.customers", "id"))));

    @Test
    void writesSortedTablesAndFixedFieldOrder() {
        assertThat(ManifestCodec.write(SHARD)).isEqualTo("""
                tables:
                  customers:
                    table: shop.public.customers
                    columns:
                      - name: id
                        type: text
                        pk: false
                        nullable: true
                  orders:
                    table: shop.public.orders
                    descriptions:
                      db: Orders placed
                    columns:
                      - name: id
                        type: bigint
                        pk: true
                        nullable: false
                      - name: customer_id
                        type: bigint
                        pk: false
                        nullable: true
                        descriptions:
                          dbt: |-
                            Buyer
                            see customers
                    joins:
                      - to: customers
                        'on': orders.customer_id = customers.id
                        relationship: many_to_one
                        source: foreign_key
                    usage:
                      executions: 120
                      columns:
                        customer_id: 40
                        id: 120
                """);
    }

    @Test
    void roundTripsToEqualShardsAndIdenticalBytes() {
        String written = ManifestCodec.write(SHARD);
        assertThat(ManifestCodec.parse(written)).isEqualTo(SHARD);
        assertThat(ManifestCodec.write(ManifestCodec.parse(written))).isEqualTo(written);
    }

    @Test
    void readsHandWrittenYamlWithCoreSchemaTyping() {
        ManifestShard shard = ManifestCodec.parse("""
                tables:
                  t:
                    table: d.s.t
                    descriptions: {db: yes, since: 2026-01-01}
                    joins: [{to: u, on: t.u_id = u.id, relationship: many_to_one}]
                """);
        assertThat(shard.tables().get("t").descriptions())
                .containsEntry("db", "yes")
                .containsEntry("since", "2026-01-01");
        assertThat(shard.tables().get("t").joins().get(0).on()).isEqualTo("t.u_id = u.id");
    }

    @Test
    void defaultsPkAndNullable() {
        ManifestShard shard =
                ManifestCodec.parse("tables:\n  t:\n    table: d.s.t\n    columns:\n      - {name: a, type: int}\n");
        assertThat(shard.tables().get("t").columns().get(0))
                .isEqualTo(new ManifestColumn("a", "int", false, true, new TreeMap<>()));
    }

    @Test
    void namesTheFieldPathOfEachProblem() {
        assertInvalid("tables:\n  t: {}\n", "tables.t.table is required");
        assertInvalid("tables:\n  t: {table: d.s.t, columns: [{name: a}]}\n", "tables.t.columns[0].type is required");
        assertInvalid(
                "tables:\n  t: {table: d.s.t, columns: [{name: a, type: int, pk: maybe}]}\n",
                "tables.t.columns[0].pk must be true or false");
        assertInvalid("tables:\n  t: {table: d.s.t, colums: []}\n", "unknown field tables.t.colums");
        assertInvalid(
                "tables:\n  t: {table: d.s.t, joins: [{to: u, on: x, relationship: some}]}\n",
                "unknown relationship some (expected many_to_one, one_to_many, one_to_one or many_to_many)");
        assertInvalid(
                "tables:\n  t: {table: d.s.t, columns: [{name: a, type: int}, {name: a, type: int}]}\n",
                "duplicate column a");
        assertInvalid("- a\n", "document must be a mapping");
        assertInvalid(
                "tables: {t: [}\n", "malformed YAML at line 1, column 14: expected the node content, but found '}'");
    }

    private static void assertInvalid(String text, String message) {
        assertThatThrownBy(() -> ManifestCodec.parse(text))
                .isInstanceOf(ArtifactFormatException.class)
                .hasMessage(message);
    }
}
