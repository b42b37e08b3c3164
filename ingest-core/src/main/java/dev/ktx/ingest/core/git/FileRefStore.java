package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.errors.LockFailedException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RefStore} on the repository's own ref database. A {@code LOCK_FAILURE} while the ref still holds the
 * expected value means a lock file is in the way, which is retried briefly and then reported as a
 * {@link StaleLockFileException} (lock files are never deleted here: only an operator can tell that they are
 * stale).
 *
 * <p>The session, sentinel and hand-off refs of one run are loose refs in shared directories that several jobs
 * create and delete at once, in one process and across processes. Deleting a loose ref makes JGit remove the
 * parent directories it leaves empty, so a sibling being created at that moment can find its directory gone
 * between {@code mkdirs} and creating its lock or reflog file ({@code FileNotFoundException} /
 * {@code NoSuchFileException}); and every delete takes {@code packed-refs.lock}, which a delete in another
 * process may hold ({@code LockFailedException}). Two measures make that safe (docs/ingest-core.md, "Refs and
 * reflogs"): ktx's own refs are written without a reflog, so only the lock file needs the directory; and an
 * update that failed with an I/O error is looked at again (nothing was written when the ref still holds the
 * expected value) and retried with a short, growing, jittered pause a bounded number of times.
 */
final class FileRefStore implements RefStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileRefStore.class);
    private static final int LOCK_ATTEMPTS = 5;
    private static final long LOCK_RETRY_MILLIS = 100;
    private static final int IO_ATTEMPTS = 10;
    private static final long IO_RETRY_MILLIS = 10;
    /** Refs ktx creates and deletes per session; everything else (main above all) keeps its reflog. */
    private static final List<String> UNLOGGED_PREFIXES = List.of("refs/heads/ktx/", "refs/ktx/");

    private final Repository repo;

    FileRefStore(Repository repo) {
        this.repo = repo;
    }

    @Override
    public Optional<ObjectId> read(String refName) {
        try {
            Ref ref = repo.exactRef(refName);
            return ref == null ? Optional.empty() : Optional.ofNullable(ref.getObjectId());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + refName, e);
        }
    }

    @Override
    public boolean compareAndSet(String refName, ObjectId expected, ObjectId newId, String reflogMessage) {
        return update(refName, expected, newId, reflogMessage, false);
    }

    @Override
    public boolean compareAndRewind(String refName, ObjectId expected, ObjectId newId, String reflogMessage) {
        return update(refName, expected, newId, reflogMessage, true);
    }

    @Override
    public void forceSet(String refName, ObjectId newId, String reflogMessage) {
        ObjectId current = read(refName).orElse(ObjectId.zeroId());
        if (!update(refName, current, newId, reflogMessage, true)) {
            throw new IllegalStateException(refName + " changed concurrently while being replaced");
        }
    }

    @Override
    public void delete(String refName) {
        Optional<ObjectId> current = read(refName);
        if (current.isPresent() && !update(refName, current.get(), ObjectId.zeroId(), "ktx: delete", true)) {
            throw new IllegalStateException(refName + " changed concurrently while being deleted");
        }
    }

    @Override
    public List<String> namesUnder(String prefix) {
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
            int ioFailures = 0;
            int lockFailures = 0;
            while (true) {
                RefUpdate.Result result;
                try {
                    result = attempt(refName, expected, newId, reflogMessage, force);
                } catch (IOException e) {
                    ObjectId now = read(refName).orElse(ObjectId.zeroId());
                    if (now.equals(newId)) {
                        return true;
                    }
                    if (!now.equals(expected)) {
                        throw new UncheckedIOException("cannot update " + refName, e);
                    }
                    if (++ioFailures == IO_ATTEMPTS) {
                        throw e instanceof LockFailedException locked
                                ? new StaleLockFileException(
                                        refName, locked.getFile().toPath())
                                : new UncheckedIOException("cannot update " + refName, e);
                    }
                    LOG.debug("{} could not be written ({}), retrying", refName, e.toString());
                    Thread.sleep(IO_RETRY_MILLIS * ioFailures
                            + ThreadLocalRandom.current().nextLong(IO_RETRY_MILLIS));
                    continue;
                }
                switch (result) {
                    case NEW, FORCED, FAST_FORWARD, NO_CHANGE:
                        return true;
                    case LOCK_FAILURE:
                        if (!read(refName).orElse(ObjectId.zeroId()).equals(expected)) {
                            return false;
                        }
                        if (++lockFailures == LOCK_ATTEMPTS) {
                            throw new StaleLockFileException(refName, lockFileOf(refName));
                        }
                        LOG.debug("{} is locked by another writer, retrying (attempt {})", refName, lockFailures);
                        Thread.sleep(LOCK_RETRY_MILLIS);
                        break;
                    case REJECTED:
                        return false;
                    default:
                        throw new IllegalStateException("unexpected result updating " + refName + ": " + result);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the lock on " + refName, e);
        }
    }

    private RefUpdate.Result attempt(
            String refName, ObjectId expected, ObjectId newId, String reflogMessage, boolean force) throws IOException {
        RefUpdate update = repo.updateRef(refName);
        update.setExpectedOldObjectId(expected);
        update.setForceUpdate(force);
        if (UNLOGGED_PREFIXES.stream().anyMatch(refName::startsWith)) {
            update.disableRefLog();
        } else {
            update.setRefLogMessage(reflogMessage, false);
        }
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
