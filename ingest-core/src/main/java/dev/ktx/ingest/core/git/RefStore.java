package dev.ktx.ingest.core.git;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Where the context repository's refs live: the repository's own ref database ({@link FileRefStore}), or a git
 * remote that a local mirror follows ({@link RemoteRefStore}). Every update is a compare-and-swap, so the rest of
 * the package is the same for both (docs/context-repository.md).
 */
interface RefStore {

    Optional<ObjectId> read(String refName);

    /**
     * Moves {@code refName} from {@code expected} ({@link ObjectId#zeroId()} = must not exist) to
     * {@code newId}, which must descend from it. Returns false when the ref no longer holds {@code expected}.
     */
    boolean compareAndSet(String refName, ObjectId expected, ObjectId newId, String reflogMessage);

    /** Like {@link #compareAndSet}, also to a commit that does not descend from {@code expected} (a restart). */
    boolean compareAndRewind(String refName, ObjectId expected, ObjectId newId, String reflogMessage);

    /** Points {@code refName} at {@code newId} whatever it held before (sentinels are replaced, not merged). */
    void forceSet(String refName, ObjectId newId, String reflogMessage);

    /** Deletes the ref if it exists. */
    void delete(String refName);

    /** Session ref first: a crash in between leaves a sentinel, which gc finds, rather than an orphan session. */
    default void deleteSession(SessionId id) {
        delete(id.sessionRef());
        delete(id.handoffRef());
        delete(id.sentinelRef());
    }

    /** Names of the refs below {@code prefix}, sorted. */
    List<String> namesUnder(String prefix);

    /** Brings in the objects of {@code commits} where this store can; the repository's own store has them or never will. */
    default void fetchMissing(List<ObjectId> commits) {}
}
