package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.repo.Aggregation;
import dev.ktx.ingest.core.repo.Measure;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A session that describes {@link #FILES} overlays (as dbt does), after which another source lands measures (as
 * Metabase does) on {@code main}: on the same overlays, which the refresh then merges by meaning, or on
 * {@link #FILES} other ones, which it takes as they are.
 */
final class OverlaySessions {

    static final int FILES = 50;

    private OverlaySessions() {}

    /** Texts and measure names come from the run id, so every session changes what it touches. */
    static void prepare(ContextRepository repo, SessionId session, boolean sameFiles) {
        String tag = session.runId().replace('-', '_');
        String forkedFrom = repo.openSession(session);
        repo.commit(
                session, edit(repo.tree(forkedFrom), 0, overlay -> described(overlay, "Described in " + tag)), "dbt");
        SessionId other = new SessionId(session.runId(), "bi");
        String main = repo.openSession(other);
        repo.commit(
                other, edit(repo.tree(main), sameFiles ? 0 : FILES, overlay -> measured(overlay, "m_" + tag)), "bi");
        repo.squash(other, main, new SquashMetadata("bi", OptionalLong.empty()));
    }

    /** Fails unless {@code main} kept both sides of the merged session of this run. */
    static void checkMerged(ContextRepository repo, int run) {
        if (!repo.tree(repo.mainHead().orElseThrow())
                .readText(BenchRepo.overlayPath(0))
                .orElseThrow()
                .contains("m_merged_" + run)) {
            throw new IllegalStateException("the merged session did not keep main's measure");
        }
    }

    private static Changeset edit(RepoTree tree, int first, UnaryOperator<SlSource> change) {
        Changeset.Builder changes = Changeset.builder();
        for (int i = first; i < first + FILES; i++) {
            String path = BenchRepo.overlayPath(i);
            SlSource overlay = SlSourceCodec.parse(tree.readText(path).orElseThrow());
            changes.write(path, SlSourceCodec.write(change.apply(overlay)));
        }
        return changes.build();
    }

    private static SlSource described(SlSource overlay, String text) {
        SortedMap<String, String> descriptions = new TreeMap<>(overlay.descriptions());
        descriptions.put("dbt", text);
        return new SlSource(
                null,
                null,
                List.of(),
                descriptions,
                List.of(),
                overlay.columnOverrides(),
                overlay.excludeColumns(),
                overlay.measures(),
                List.of(),
                List.of());
    }

    private static SlSource measured(SlSource overlay, String measure) {
        List<Measure> measures = new ArrayList<>(overlay.measures());
        measures.add(new Measure(measure, Aggregation.SUM, "amount", null, new TreeMap<>()));
        return new SlSource(
                null,
                null,
                List.of(),
                overlay.descriptions(),
                List.of(),
                overlay.columnOverrides(),
                overlay.excludeColumns(),
                measures,
                List.of(),
                List.of());
    }
}
