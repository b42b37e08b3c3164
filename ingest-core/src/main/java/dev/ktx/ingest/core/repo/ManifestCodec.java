package dev.ktx.ingest.core.repo;

import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads and writes manifest shards. Layout of one entry (fields in this order; empty optionals left out):
 * <pre>
 * tables:
 *   orders:
 *     table: analytics.public.orders
 *     descriptions: {db: Orders placed in the shop}        # origin -> text
 *     columns:
 *       - {name: id, type: bigint, pk: true, nullable: false, descriptions: {db: ...}}
 *     joins:
 *       - {to: customers, on: orders.customer_id = customers.id, relationship: many_to_one, source: foreign_key}
 *     usage: {executions: 120, columns: {id: 120}}          # see TableUsage
 * </pre>
 * Table names are written sorted, so the same shard always gives the same bytes.
 */
public final class ManifestCodec {

    private ManifestCodec() {}

    /** @throws ArtifactFormatException with the reason, e.g. {@code tables.orders.table is required} */
    public static ManifestShard parse(String text) {
        YamlObject root = YamlObject.root(Yamls.load(text));
        root.allowOnly(Set.of("tables"));
        SortedMap<String, ManifestEntry> tables = new TreeMap<>();
        root.objectsByName("tables").forEach((name, entry) -> tables.put(name, ManifestEntry.read(entry)));
        return new ManifestShard(tables);
    }

    public static String write(ManifestShard shard) {
        SortedMap<String, Object> tables = new TreeMap<>();
        shard.tables().forEach((name, entry) -> tables.put(name, entry.toYaml()));
        return Yamls.dump(new YamlTree().put("tables", tables).build());
    }
}
