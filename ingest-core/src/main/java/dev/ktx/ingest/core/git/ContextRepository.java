package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoTree;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The context repo as the rest of the system sees it: {@code main}, session branches and sentinels.
 * Commit ids are 40-hex strings. No operation needs or touches a working tree, except that a successful
 * squash into a non-bare repo whose checkout of {@code main} was clean brings that checkout up to date.
 */
public interface ContextRepository extends AutoCloseable {

    /** Head of {@code main}; empty for a repo without commits. */
    Optional<String> mainHead();

    /**
     * What names this repository whatever a caller calls its project: a short hash of its canonical location. The
     * project lock is keyed by it, so two project ids (or two paths) of one repository share one lock.
     */
    String identity();

    /** Creates the session ref at the current {@code main} head, or returns the existing head (idempotent). */
    String openSession(SessionId id);

    /**
     * Starts the session afresh from the current {@code main} head: creates the ref, or moves an existing one back
     * to {@code main} (compare-and-swap) and drops its sentinel. For a redelivered job, whose earlier attempt never
     * handed its session over (see {@link #handoff(SessionId)}): redoing it from {@code main} gives the same result,
     * and "unchanged" then means "the same as {@code main}". Returns the new head.
     */
    String restartSession(SessionId id);

    /** Records that the session was handed to the finalizer with {@code finalizeRequest} (JSON). */
    void recordHandoff(SessionId id, String finalizeRequest);

    /** The finalize request recorded by {@link #recordHandoff}; gone once the session is squashed or collected. */
    Optional<String> handoff(SessionId id);

    /** Current head of the session ref, if it exists. */
    Optional<String> sessionHead(SessionId id);

    /**
     * Applies the changeset on top of the session head as one commit and moves the session ref (CAS on the
     * head it read). Returns the new head, or the old one when the changeset leaves the tree unchanged.
     */
    String commit(SessionId id, Changeset changes, String message);

    /** Merges {@code mainHead} into the session (no-op when already contained; nothing moves on conflict). */
    RefreshResult refresh(SessionId id, String mainHead);

    /** Read-only view of a commit's tree. */
    RepoTree tree(String commitId);

    /** Paths that differ from {@code fromCommit} to {@code toCommit}, sorted by path. */
    List<PathChange> diff(String fromCommit, String toCommit);

    /** True when {@code ancestor} is reachable from {@code descendant} (or equal). */
    boolean isAncestor(String ancestor, String descendant);

    /**
     * Squashes the session head onto {@code main} as one commit whose parent is {@code expectedMainHead},
     * updating {@code main} only if it still points there (compare-and-swap). A session whose
     * {@code Ktx-Session} trailer is already on {@code main} is not squashed again. On success the session
     * ref and any sentinel are removed.
     */
    SquashResult squash(SessionId id, String expectedMainHead, SquashMetadata metadata);

    /**
     * The commit of {@code main} that already carries this session's squash, if any (its leftover refs are then
     * removed). Throws when there is neither such a commit nor a session ref.
     */
    Optional<String> landedSquash(SessionId id);

    /** Like {@link #landedSquash(SessionId)}, but only looks: removes nothing, and an unknown session is empty. */
    Optional<String> findSquash(SessionId id);

    /**
     * Writes the squash commit of a refreshed session above {@code parentId} ({@code main}'s head, or the squash of
     * a session landing before it in the same window) without moving any ref; a session that does not contain
     * {@code parentId} is merged with it, and a conflict writes nothing.
     */
    StackedSquash stackSquash(SessionId id, String parentId, SquashMetadata metadata);

    /**
     * Moves {@code main} from {@code expectedMainHead} to {@code newHead} by compare-and-swap; false when
     * {@code main} moved meanwhile. On success the refs and sentinels of {@code landed} are removed.
     */
    boolean advanceMain(String expectedMainHead, String newHead, List<SessionId> landed);

    /**
     * Writes, without moving any ref, one commit above {@code mainHead} that reverts the squash commits of
     * {@code runId} on {@code main} (found by their {@code Ktx-Run} trailer): every path they touched gets its content
     * from before the run's first squash, a path the run added is deleted; the commit carries {@code Ktx-Rollback:
     * <runId>}. Nothing is written when there is no such squash, when the run was rolled back already, or when a later
     * commit that is not the run's touched one of those paths and {@code force} is false.
     */
    RunRevert revertRun(String runId, String mainHead, RollbackMetadata metadata, boolean force);

    /**
     * Removes {@code main}'s lock file when it is older than {@code olderThan}: left by a writer that died or lost
     * the project lock in the middle of an update. Call only while holding the project lock, which every writer of
     * {@code main} takes. Returns whether a file was removed.
     */
    boolean removeStaleMainLock(Duration olderThan);

    /** Records a failure: a sentinel ref next to the kept session ref. */
    void writeSentinel(SessionId id, Sentinel sentinel);

    Optional<Sentinel> sentinel(SessionId id);

    /** Sessions that still have a ref. */
    List<SessionId> sessions();

    /** Sessions that have a sentinel. */
    List<SessionId> sentinels();

    /** Deletes the session ref, its hand-off and its sentinel, if any. */
    void deleteSession(SessionId id);

    /** Deletes sentinels recorded before {@code cutoff} together with their sessions; returns what went. */
    List<SessionId> gcSentinels(Instant cutoff);

    /**
     * Sessions left by a hard kill: a session ref without a sentinel whose run started before {@code cutoff}
     * ({@link SessionId#runStartedAt()}; sessions of run ids without that timestamp are never orphans).
     */
    List<SessionId> orphans(Instant cutoff);

    /** Deletes {@link #orphans(Instant)}; returns what went. */
    List<SessionId> gcOrphans(Instant cutoff);

    /**
     * Keeps a started run's record ({@code refs/ktx/runs/<runId>}, a commit whose message is {@code record}) until
     * {@link #forgetRun(String)}, so that a planner that lost its state can find the run again.
     *
     * @throws IllegalArgumentException when {@code runId} cannot name a ref
     */
    void recordRun(String runId, String record);

    /** The record of a run that has not been forgotten; empty for an unknown run or a run id that cannot name a ref. */
    Optional<String> recordedRun(String runId);

    void forgetRun(String runId);

    @Override
    void close();
}
