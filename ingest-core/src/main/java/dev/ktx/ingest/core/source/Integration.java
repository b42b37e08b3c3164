package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The work units' outputs merged in unit order: every artifact path written by exactly one unit, provenance rows
 * concatenated in unit order, so the result never depends on which unit finished first.
 */
record Integration(SortedMap<String, byte[]> writes, List<ProvenanceRow> provenance) {

    Integration {
        writes = Collections.unmodifiableSortedMap(new TreeMap<>(writes));
        provenance = List.copyOf(provenance);
    }

    /**
     * @param results in unit order
     * @throws IllegalStateException when two units write one path, or a unit writes anything but a wiki page or
     *                               an SL source file (raw snapshots, provenance and manifests are not theirs)
     */
    static Integration of(List<WorkUnitExecutor.UnitResult> results) {
        SortedMap<String, byte[]> writes = new TreeMap<>();
        Map<String, String> writer = new HashMap<>();
        List<ProvenanceRow> provenance = new ArrayList<>();
        for (WorkUnitExecutor.UnitResult result : results) {
            result.output().writes().forEach((path, content) -> {
                requireArtifactPath(result.unitId(), path);
                String other = writer.putIfAbsent(path, result.unitId());
                if (other != null) {
                    throw new IllegalStateException(
                            "work units " + other + " and " + result.unitId() + " both write " + path);
                }
                writes.put(path, content);
            });
            provenance.addAll(result.output().provenance());
        }
        return new Integration(writes, provenance);
    }

    private static void requireArtifactPath(String unitId, String path) {
        boolean artifact = RepoPaths.classify(path)
                .filter(p -> p instanceof RepoPath.WikiPagePath || p instanceof RepoPath.SlSourcePath)
                .isPresent();
        if (!artifact) {
            throw new IllegalStateException("work unit " + unitId + " writes " + path
                    + ", which is neither a wiki page nor a semantic-layer source file");
        }
    }
}
