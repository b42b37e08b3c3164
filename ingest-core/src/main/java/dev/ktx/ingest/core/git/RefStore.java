package dev.ktx.ingest.core.git;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and updates refs. Every update is a compare-and-swap; a {@code LOCK_FAILURE} while the ref still
 * holds the expected value means a lock file is in the way, which is retried briefly and then reported as a
 * {@link StaleLockFileException} (lock files are never deleted here: only an operator can tell that they are
 * stale).
 */
final class RefStore {

    private static final Logger LOG = LoggerFactory.getLogger(RefStore.class);
    private static final int LOCK_ATTEMPTS = 5;
    private static final long LOCK_RETRY_MILLIS = 100;

    private final Repository repo;

    RefStore(Repository repo) {
        this.repo = repo;
    }

    Optional<ObjectId> read(String refName) {
        try {
            Ref ref = repo.exactRef(refName);
            return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + refName, e);
        }
    }

    /**
     * Moves {@code refName} from {@code expected} ({@link ObjectId#zeroId()} = must not exist) to
     * {@code newId}. Returns false when the ref no longer holds {@code expected}.
     */
    boolean compareAndSet(String refName, ObjectId expected, ObjectId newId, String reflogMessage) {
        return update(refName, expected, newId, reflogMessage, false);
    }

    /** Points {@code refName} at {@code newId} whatever it held before (sentinels are replaced, not merged). */
    void forceSet(String refName, ObjectId newId, String reflogMessage) {
        ObjectId current = read(refName).orElse(ObjectId.zeroId());
        if (!update(refName, current, newId, reflogMessage, true)) {
            throw new IllegalStateException(refName + " changed concurrently while being replaced");
        }
    }

    /** Deletes the ref if it exists. */
    void delete(String refName) {
        Optional<ObjectId> current = read(refName);
        if (current.isPresent() && !update(refName, current.get(), ObjectId.zeroId(), "ktx: delete", true)) {
            throw new IllegalStateException(refName + " changed concurrently while being deleted");
        }
    }

    /** Session ref first: a crash in between leaves a sentinel, which gc finds, rather than an orphan session. */
    void deleteSession(SessionId id) {
        delete(id.sessionRef());
        delete(id.sentinelRef());
    }

    /** Names of the refs below {@code prefix}, sorted. */
    List<String> namesUnder(String prefix) {
        try {
            List<String> names = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                names.add(ref.getName());
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list refs under " + prefix, e);
        }
    }

    private boolean update(String refName, ObjectId expected, ObjectId newId, String reflogMessage, boolean force) {
        try {
            for (int attempt = 1; ; attempt++) {
                RefUpdate.Result result = attempt(refName, expected, newId, reflogMessage, force);
                switch (result) {
                    case NEW, FORCED, FAST_FORWARD, NO_CHANGE:
                        return true;
                    case LOCK_FAILURE:
                        if (!read(refName).orElse(ObjectId.zeroId()).equals(expected)) {
                            return false;
                        }
                        if (attempt == LOCK_ATTEMPTS) {
                            throw new StaleLockFileException(refName, lockFileOf(refName));
                        }
                        LOG.debug("{} is locked by another writer, retrying (attempt {})", refName, attempt);
                        Thread.sleep(LOCK_RETRY_MILLIS);
                        break;
                    case REJECTED:
                        return false;
                    default:
                        throw new IllegalStateException("unexpected result updating " + refName + ": " + result);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + refName, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock on " + refName, e);
        }
    }

    private RefUpdate.Result attempt(String refName, ObjectId expected, ObjectId newId, String reflogMessage,
            boolean force) throws IOException {
        RefUpdate update = repo.updateRef(refName);
        update.setExpectedOldObjectId(expected);
        update.setForceUpdate(force);
        update.setRefLogMessage(reflogMessage, false);
        if (newId.equals(ObjectId.zeroId())) {
            return update.delete();
        }
        update.setNewObjectId(newId);
        return update.update();
    }

    /** The loose-ref lock when present; otherwise {@code packed-refs.lock}, which deletions also take. */
    private Path lockFileOf(String refName) {
        Path gitDir = repo.getDirectory().toPath();
        Path refLock = gitDir.resolve(refName + ".lock");
        Path packedRefsLock = gitDir.resolve("packed-refs.lock");
        return !Files.exists(refLock) && Files.exists(packedRefsLock) ? packedRefsLock : refLock;
    }
}
