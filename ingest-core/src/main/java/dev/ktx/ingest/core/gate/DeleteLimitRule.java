package dev.ktx.ingest.core.gate;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * {@code deletes exceed limit: <n> of <m> artifacts (<pct>% > <limit>%)}: n = wiki and semantic-layer files the
 * session deletes, m = such files on {@code main}. {@code main} is only listed when something is deleted.
 */
final class DeleteLimitRule implements GateRule {

    private final int limitPercent;

    DeleteLimitRule(int limitPercent) {
        this.limitPercent = limitPercent;
    }

    @Override
    public List<String> check(GateContext context) {
        long deleted = context.changes().all().stream()
                .filter(PathChange::isDeletion)
                .map(PathChange::path)
                .filter(DeleteLimitRule::isArtifact)
                .count();
        if (deleted == 0) {
            return List.of();
        }
        RepoTree main = context.input().main();
        // Deleted files existed on main; max() only guards against a caller whose changes and main disagree.
        long total = Math.max(
                deleted,
                main.listFilesRecursive("wiki").size()
                        + main.listFilesRecursive(RepoPaths.SEMANTIC_LAYER_DIR).size());
        if (deleted * 100 <= (long) limitPercent * total) {
            return List.of();
        }
        return List.of("deletes exceed limit: " + deleted + " of " + total + " artifacts (" + percent(deleted, total)
                + "% > " + limitPercent + "%)");
    }

    private static boolean isArtifact(String path) {
        return path.startsWith("wiki/") || path.startsWith(RepoPaths.SEMANTIC_LAYER_DIR + "/");
    }

    /** An integer when whole, else one decimal. */
    static String percent(long part, long whole) {
        return part * 100 % whole == 0
                ? Long.toString(part * 100 / whole)
                : BigDecimal.valueOf(part * 100)
                        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
                        .toPlainString();
    }
}
