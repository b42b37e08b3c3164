package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlRef;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The missing-schema hard stop (docs/ingest-core.md#final-gates-gate) enforced one last time, on the session tree refreshed from {@code main}:
 * the manifest may have lost a table since the units read their base. An overlay this run wrote whose name has no
 * manifest entry any more is removed, its provenance rows become {@code unmapped}/{@code missing_target_table},
 * and this run's pages drop the {@code sl_refs} that pointed at it (never replaced by anything invented).
 */
final class Reconciliation {

    /** {@code changes} is empty when everything this run wrote still stands. */
    record Outcome(Changeset changes, int overlaysRemoved) {}

    private final RepoTree refreshed;
    private final Map<String, Set<String>> manifestNames = new HashMap<>();

    private Reconciliation(RepoTree refreshed) {
        this.refreshed = refreshed;
    }

    static Outcome reconcile(RepoTree refreshed, Integration integrated, String provenancePath) {
        return new Reconciliation(refreshed).run(integrated, provenancePath);
    }

    private Outcome run(Integration integrated, String provenancePath) {
        Set<String> removedKeys = new TreeSet<>();
        Changeset.Builder changes = Changeset.builder();
        integrated.writes().forEach((path, content) -> {
            if (RepoPaths.classify(path).orElseThrow() instanceof RepoPath.SlSourcePath source
                    && isOrphanOverlay(source, content)) {
                removedKeys.add(ArtifactKeys.sl(source.connection(), source.name()));
                changes.delete(path);
            }
        });
        if (removedKeys.isEmpty()) {
            return new Outcome(changes.build(), 0);
        }
        List<ProvenanceRow> rows = integrated.provenance().stream()
                .map(row -> unmapIfRemoved(row, removedKeys))
                .toList();
        changes.write(provenancePath, ProvenanceCodec.write(rows));
        integrated.writes().keySet().forEach(path -> {
            if (RepoPaths.classify(path).orElseThrow() instanceof RepoPath.WikiPagePath page) {
                withoutRefsTo(page.key(), removedKeys).ifPresent(text -> changes.write(path, text));
            }
        });
        return new Outcome(changes.build(), removedKeys.size());
    }

    private boolean isOrphanOverlay(RepoPath.SlSourcePath source, byte[] content) {
        boolean overlay = !SlSourceCodec.parse(new String(content, StandardCharsets.UTF_8))
                .isStandalone();
        return overlay
                && !manifestNames
                        .computeIfAbsent(
                                source.connection(),
                                conn -> Manifests.entries(refreshed, conn).keySet())
                        .contains(source.name());
    }

    private static ProvenanceRow unmapIfRemoved(ProvenanceRow row, Set<String> removedKeys) {
        boolean removed = row.artifactKind() == ProvenanceRow.ArtifactKind.SL
                && removedKeys.contains(row.artifactKey())
                && ArtifactKeys.producedPath(row).isPresent();
        return removed
                ? new ProvenanceRow(
                        row.rawPath(),
                        row.rawSha256(),
                        row.artifactKind(),
                        row.artifactKey(),
                        ProvenanceRow.Action.UNMAPPED,
                        ProvenanceRow.MISSING_TARGET_TABLE)
                : row;
    }

    /** The page's new text without the {@code sl_refs} to removed overlays; empty when it had none. */
    private Optional<String> withoutRefsTo(String key, Set<String> removedKeys) {
        return refreshed.readText(RepoPaths.wikiPage(key)).flatMap(text -> {
            WikiPage page = WikiPageCodec.parse(key, text);
            Frontmatter fm = page.frontmatter();
            List<SlRef> kept = fm.slRefs().stream()
                    .filter(ref -> !pointsAtRemoved(ref, removedKeys))
                    .toList();
            if (kept.size() == fm.slRefs().size()) {
                return Optional.empty();
            }
            return Optional.of(WikiPageCodec.write(new WikiPage(key, fm.withSlRefs(kept), page.body())));
        });
    }

    /** A reference without a connection is taken to mean the removed overlay of that name. */
    private static boolean pointsAtRemoved(SlRef ref, Set<String> removedKeys) {
        return ref.connection() == null
                ? removedKeys.stream().anyMatch(key -> key.endsWith("/" + ref.source()))
                : removedKeys.contains(ArtifactKeys.sl(ref.connection(), ref.source()));
    }
}
