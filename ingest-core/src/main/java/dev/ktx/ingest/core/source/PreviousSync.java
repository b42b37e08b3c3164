package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The latest earlier sync of one {@code <conn>/<sourceKey>} in a tree. Syncs are found through their provenance
 * files: one small listing instead of walking every raw snapshot ever staged, and every committed sync has one
 * (even a sync that staged no raw file).
 */
final class PreviousSync {

    private static final Comparator<SyncId> CHRONOLOGICAL =
            Comparator.comparing(SyncId::startedAt).thenComparing(SyncId::jobId);

    private final RepoTree tree;
    private final String connection;
    private final String sourceKey;
    private final SyncId syncId;

    private PreviousSync(RepoTree tree, String connection, String sourceKey, SyncId syncId) {
        this.tree = tree;
        this.connection = connection;
        this.sourceKey = sourceKey;
        this.syncId = syncId;
    }

    static Optional<PreviousSync> latestBefore(RepoTree tree, String connection, String sourceKey, SyncId current) {
        return tree.listFiles(RepoPaths.PROVENANCE_DIR + "/" + connection + "/" + sourceKey).stream()
                .flatMap(path -> RepoPaths.classify(path).stream())
                .filter(RepoPath.ProvenancePath.class::isInstance)
                .flatMap(path -> parseSyncId(((RepoPath.ProvenancePath) path).syncId()).stream())
                .filter(syncId -> CHRONOLOGICAL.compare(syncId, current) < 0)
                .max(CHRONOLOGICAL)
                .map(syncId -> new PreviousSync(tree, connection, sourceKey, syncId));
    }

    SyncId syncId() {
        return syncId;
    }

    /** Whether the previous raw snapshot holds exactly these files (relative path → bytes). */
    boolean hasSameFiles(Map<String, byte[]> files) {
        String root = RepoPaths.rawSnapshotDir(connection, sourceKey, syncId.toString()) + "/";
        List<String> previous = tree.listFilesRecursive(root);
        if (previous.size() != files.size()) {
            return false;
        }
        return previous.stream().allMatch(path -> {
            byte[] current = files.get(path.substring(root.length()));
            return current != null && Arrays.equals(current, tree.read(path).orElseThrow());
        });
    }

    /** Paths of the wiki pages and SL files the previous sync wrote. */
    Set<String> producedPaths() {
        String path = RepoPaths.provenance(connection, sourceKey, syncId.toString());
        List<ProvenanceRow> rows;
        try {
            rows = ProvenanceCodec.parse(tree.readText(path).orElseThrow());
        } catch (ArtifactFormatException e) {
            throw new ArtifactFormatException(path + ": " + e.getMessage());
        }
        Set<String> paths = new TreeSet<>();
        rows.forEach(row -> ArtifactKeys.producedPath(row).ifPresent(paths::add));
        return paths;
    }

    private static Optional<SyncId> parseSyncId(String value) {
        try {
            return Optional.of(SyncId.parse(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
