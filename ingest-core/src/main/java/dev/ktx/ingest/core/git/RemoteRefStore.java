package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * {@link RefStore} whose refs live on a git remote; {@code mirror}, a bare repository in the service's cache, holds
 * the objects. A read fetches the ref (and only the objects the mirror lacks); an update is a push that names the
 * old id the caller expects, so the remote itself does the compare-and-swap and a concurrent writer anywhere makes
 * it fail instead of being overwritten (docs/context-repository.md, "Remote repositories"). The mirror's own refs
 * follow the remote's best-effort: they only tell the next fetch what the mirror has.
 */
final class RemoteRefStore implements RefStore {

    private final Repository mirror;
    private final GitRemote remote;
    private final String mainRef;

    RemoteRefStore(Repository mirror, GitRemote remote, String mainRef) {
        this.mirror = mirror;
        this.remote = remote;
        this.mainRef = mainRef;
    }

    @Override
    public Optional<ObjectId> read(String refName) {
        Optional<ObjectId> id = remote.fetch(mirror, refName);
        follow(refName, id.orElse(ObjectId.zeroId()));
        return id;
    }

    @Override
    public boolean compareAndSet(String refName, ObjectId expected, ObjectId newId, String reflogMessage) {
        return push(List.of(update(refName, newId, false, expected))).isEmpty();
    }

    @Override
    public boolean compareAndRewind(String refName, ObjectId expected, ObjectId newId, String reflogMessage) {
        return push(List.of(update(refName, newId, true, expected))).isEmpty();
    }

    @Override
    public void forceSet(String refName, ObjectId newId, String reflogMessage) {
        push(List.of(update(refName, newId, true, null))).ifPresent(lost -> {
            throw new IllegalStateException(lost + " changed concurrently while being replaced");
        });
    }

    @Override
    public void delete(String refName) {
        deleteAll(List.of(refName));
    }

    /** One push for the three refs: a session costs one round trip to remove. */
    @Override
    public void deleteSession(SessionId id) {
        deleteAll(List.of(id.sessionRef(), id.handoffRef(), id.sentinelRef()));
    }

    @Override
    public List<String> namesUnder(String prefix) {
        return List.copyOf(remote.refs(mirror, prefix).keySet());
    }

    /**
     * A commit a caller names came from {@code main} (which still contains it unless someone rewrote it) or from a
     * session: {@code main} is fetched first, every ref of the remote only when that was not enough.
     */
    @Override
    public void fetchMissing(List<ObjectId> commits) {
        if (commits.stream().anyMatch(this::missing)) {
            read(mainRef);
            if (commits.stream().anyMatch(this::missing)) {
                remote.fetchAll(mirror, Constants.R_REFS);
            }
        }
    }

    private boolean missing(ObjectId commit) {
        try {
            return !mirror.getObjectDatabase().has(commit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mirror " + mirror.getDirectory(), e);
        }
    }

    private void deleteAll(List<String> refNames) {
        push(refNames.stream()
                        .map(name -> update(name, ObjectId.zeroId(), true, null))
                        .toList())
                .ifPresent(lost -> {
                    throw new IllegalStateException(lost + " changed concurrently while being deleted");
                });
    }

    private RemoteRefUpdate update(String refName, ObjectId newId, boolean force, ObjectId expected) {
        try {
            return new RemoteRefUpdate(mirror, null, newId, refName, force, null, expected);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the push of " + refName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pushes the updates; empty when every one holds, else the name of a ref that lost its compare-and-swap: the
     * client saw the ref elsewhere, or the server refused the update and the ref no longer holds the old id the
     * push named (servers word a lost race differently: "invalid old id sent", "failed to lock"). A refusal for any
     * other reason (hooks, permissions) is an error naming the ref and the remote's words.
     */
    private Optional<String> push(List<RemoteRefUpdate> updates) {
        Collection<RemoteRefUpdate> results = remote.push(mirror, updates);
        Optional<String> lost = Optional.empty();
        List<String> refused = new ArrayList<>();
        for (RemoteRefUpdate result : results) {
            switch (result.getStatus()) {
                case OK, UP_TO_DATE, NON_EXISTING -> follow(result.getRemoteName(), result.getNewObjectId());
                case REJECTED_REMOTE_CHANGED, REJECTED_NONFASTFORWARD -> lost = Optional.of(result.getRemoteName());
                default -> {
                    if (movedSincePush(result)) {
                        lost = Optional.of(result.getRemoteName());
                    } else {
                        refused.add(result.getRemoteName() + " (" + result.getStatus()
                                + Stream.ofNullable(result.getMessage())
                                        .map(m -> ": " + m)
                                        .findFirst()
                                        .orElse("") + ")");
                    }
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new GitRemote.RemoteRefusedException(
                    remote.url() + " refused to update " + String.join(", ", refused));
        }
        return lost;
    }

    private boolean movedSincePush(RemoteRefUpdate result) {
        if (!result.isExpectingOldObjectId()) {
            return false;
        }
        ObjectId now =
                remote.refs(mirror, result.getRemoteName()).getOrDefault(result.getRemoteName(), ObjectId.zeroId());
        return !now.equals(result.getExpectedOldObjectId());
    }

    /** Keeps the mirror's copy of the ref in step; a failure only costs the next fetch a few more objects. */
    private void follow(String refName, ObjectId id) {
        try {
            RefUpdate update = mirror.updateRef(refName);
            update.setForceUpdate(true);
            update.disableRefLog();
            if (id.equals(ObjectId.zeroId())) {
                if (mirror.exactRef(refName) != null) {
                    update.delete();
                }
            } else {
                update.setNewObjectId(id);
                update.update();
            }
        } catch (IOException e) {
            // another thread updates the same mirror ref at this moment; its value is as good as ours
        }
    }
}
