package dev.ktx.ingest.core.database;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.TableUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code database-schema} step's changes for one connection, computed against the session's base tree:
 * <ul>
 *   <li>manifest shards {@code semantic-layer/<conn>/_schema/<schema>.yaml}; shards of schemas that no longer have
 *       tables are deleted (a successful introspection is authoritative);</li>
 *   <li>the raw snapshot {@code raw-sources/<conn>/schema/<syncId>/catalog.json};</li>
 *   <li>provenance {@code provenance/<conn>/schema/<syncId>.jsonl}: one {@code source_created} row per manifest
 *       entry, pointing at {@code catalog.json}.</li>
 * </ul>
 * A shard that already holds exactly the tables the scan found is left as it is (not written again); when every shard
 * does, the changeset is empty: no sync, no snapshot, no provenance.
 */
public final class DatabaseSchemaIngest {

    /** The {@code <sourceKey>} of the schema step's raw snapshots and provenance. */
    public static final String SOURCE_KEY = "schema";

    private DatabaseSchemaIngest() {}

    /**
     * @param usage query-history usage by {@link CatalogTable#qualifiedName()} (see {@link ManifestShards#of})
     */
    public static Changeset changes(
            RepoTree base, String connectionId, DatabaseCatalog catalog, Map<String, TableUsage> usage, SyncId syncId) {
        return changes(CurrentManifest.of(base, connectionId), connectionId, catalog, usage, syncId);
    }

    static Changeset changes(
            CurrentManifest manifest,
            String connectionId,
            DatabaseCatalog catalog,
            Map<String, TableUsage> usage,
            SyncId syncId) {
        SortedMap<String, ManifestShard> shards = ManifestShards.of(catalog, usage);
        SortedMap<String, String> wanted = new TreeMap<>();
        shards.forEach((schema, shard) -> {
            String path = RepoPaths.manifestShard(connectionId, schema);
            wanted.put(path, manifest.text(path, shard));
        });
        SortedMap<String, String> current = manifest.files();
        if (wanted.equals(current)) {
            return Changeset.builder().build();
        }

        Changeset.Builder changes = Changeset.builder();
        wanted.forEach((path, text) -> {
            if (!text.equals(current.get(path))) {
                changes.write(path, text);
            }
        });
        current.keySet().stream().filter(path -> !wanted.containsKey(path)).forEach(changes::delete);

        List<SyncSnapshot.Artifact> artifacts = new ArrayList<>();
        shards.values()
                .forEach(shard -> shard.tables()
                        .keySet()
                        .forEach(source -> artifacts.add(new SyncSnapshot.Artifact(
                                ProvenanceRow.ArtifactKind.SL,
                                connectionId + "/" + source,
                                ProvenanceRow.Action.SOURCE_CREATED))));
        SyncSnapshot.write(
                changes,
                connectionId,
                SOURCE_KEY,
                syncId,
                CatalogJson.FILE_NAME,
                CatalogJson.write(catalog),
                artifacts);
        return changes.build();
    }
}
