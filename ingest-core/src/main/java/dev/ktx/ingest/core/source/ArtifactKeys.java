package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The {@code artifactKey} convention of provenance rows and the artifact path a row stands for. */
public final class ArtifactKeys {

    private static final Set<ProvenanceRow.Action> PRODUCING = EnumSet.of(
            ProvenanceRow.Action.WIKI_WRITTEN, ProvenanceRow.Action.SOURCE_CREATED, ProvenanceRow.Action.MEASURE_ADDED);

    private ArtifactKeys() {}

    /** {@code <conn>/<source>}, the key of an {@code sl} row. */
    public static String sl(String connection, String source) {
        return connection + "/" + source;
    }

    /** The file a row's artifact was written to; empty for {@code skipped}/{@code unmapped} rows. */
    public static Optional<String> producedPath(ProvenanceRow row) {
        if (!PRODUCING.contains(row.action())) {
            return Optional.empty();
        }
        return Optional.of(
                switch (row.artifactKind()) {
                    case WIKI -> RepoPaths.wikiPage(row.artifactKey());
                    case SL -> {
                        String[] parts = row.artifactKey().split("/", -1);
                        if (parts.length != 2) {
                            throw new IllegalArgumentException(
                                    "sl artifactKey is not <conn>/<source>: " + row.artifactKey());
                        }
                        yield RepoPaths.slSource(parts[0], parts[1]);
                    }
                });
    }
}
