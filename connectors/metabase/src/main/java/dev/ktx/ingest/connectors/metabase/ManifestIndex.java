package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The manifest-backed sources of one connection in the base tree, resolved as the gates resolve them: shards in path
 * order, the first entry of a name wins, malformed shards count as absent.
 */
final class ManifestIndex {

    private final SortedMap<String, ManifestEntry> entries = new TreeMap<>();

    ManifestIndex(RepoTree base, String connection) {
        for (String path : base.listFiles(RepoPaths.manifestDir(connection))) {
            if (path.endsWith(".yaml")) {
                try {
                    ManifestCodec.parse(base.readText(path).orElse("")).tables().forEach(entries::putIfAbsent);
                } catch (ArtifactFormatException e) {
                    // Reporting a broken shard is the gates' job; here it only backs nothing.
                }
            }
        }
    }

    /**
     * The entry named after the table, when its {@code db.schema.name} has the table's schema (any schema when the
     * reference has none).
     */
    Optional<ManifestEntry> find(TableRef table) {
        ManifestEntry entry = entries.get(table.name());
        return entry != null && (table.schema() == null || table.schema().equals(schemaOf(entry)))
                ? Optional.of(entry)
                : Optional.empty();
    }

    private static String schemaOf(ManifestEntry entry) {
        String[] parts = entry.table().split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : null;
    }
}
