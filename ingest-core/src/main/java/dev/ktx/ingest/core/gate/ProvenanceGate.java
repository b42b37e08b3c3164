package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPath.ProvenancePath;
import dev.ktx.ingest.core.repo.RepoTree;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the provenance files the session wrote: each row's {@code rawPath} must name a regular file inside the raw
 * snapshot of the same sync ({@code raw-sources/<conn>/<sourceKey>/<syncId>/}); otherwise
 * {@code provenance row references raw path outside this snapshot: <rawPath>} (once per path and file). A file that
 * cannot be read as provenance JSONL fails with {@code <path>: invalid provenance: <why>}.
 */
public final class ProvenanceGate {

    public GateReport check(GateInput input) {
        RepoTree session = input.session();
        Set<String> errors = new LinkedHashSet<>();
        for (ProvenancePath path : SessionChanges.of(input.changes()).writtenProvenance()) {
            List<ProvenanceRow> rows;
            try {
                rows = ProvenanceCodec.parse(session.readText(path.path()).orElse(""));
            } catch (ArtifactFormatException e) {
                errors.add(path.path() + ": invalid provenance: " + e.getMessage());
                continue;
            }
            for (ProvenanceRow row : rows) {
                if (!inSnapshot(session, path.rawSnapshotDir(), row.rawPath())) {
                    errors.add("provenance row references raw path outside this snapshot: " + row.rawPath());
                }
            }
        }
        return new GateReport(List.copyOf(errors));
    }

    private static boolean inSnapshot(RepoTree session, String snapshotDir, String rawPath) {
        boolean confined = !rawPath.startsWith("/")
                && Arrays.stream(rawPath.split("/", -1))
                        .noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
        return confined && session.kind(snapshotDir + "/" + rawPath).isRegularFile();
    }
}
