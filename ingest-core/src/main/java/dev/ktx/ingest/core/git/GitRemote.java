package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;

/**
 * A context repository's git remote as one service reaches it: its URL and the service's credentials (never part of
 * the URL, so no message, log or exception carries them). Every call opens a connection of its own, so threads may
 * share an instance. Network failures are {@link UncheckedIOException} (worth another attempt); a remote that refuses
 * the credentials or does not exist is a {@link RemoteRefusedException} (permanent).
 */
public final class GitRemote {

    private final RepoUrl url;
    private final URIish uri;
    private final Optional<CredentialsProvider> credentials;
    private final Duration timeout;

    /** @param credentials used over http(s) only: a {@code file://} remote is never sent them */
    public GitRemote(RepoUrl url, Optional<CredentialsProvider> credentials, Duration timeout) {
        this.url = url;
        this.credentials = sendsCredentials(url) ? credentials : Optional.empty();
        this.timeout = timeout;
        try {
            this.uri = new URIish(url.toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("repoUrl: " + url + " is not a git URL", e);
        }
    }

    /** Only an http(s) remote is given credentials; a {@code file://} one needs none. */
    public static boolean sendsCredentials(RepoUrl url) {
        return url.uri().getScheme().startsWith("http");
    }

    public RepoUrl url() {
        return url;
    }

    /** The refs below {@code prefix} the remote advertises, by name. */
    Map<String, ObjectId> refs(Repository local, String prefix) {
        return call("list " + prefix + "*", local, transport -> {
            try (FetchConnection connection = transport.openFetch(List.of(), prefix)) {
                Map<String, ObjectId> found = new TreeMap<>();
                for (Ref ref : connection.getRefs()) {
                    if (ref.getName().startsWith(prefix) && ref.getObjectId() != null) {
                        found.put(ref.getName(), ref.getObjectId());
                    }
                }
                return found;
            }
        });
    }

    /**
     * Where {@code refName} points on the remote, with the objects it needs copied into {@code local} (only what
     * {@code local} lacks: the fetch negotiates with its refs). Empty when the remote has no such ref.
     */
    Optional<ObjectId> fetch(Repository local, String refName) {
        return call("fetch " + refName, local, transport -> {
            try (FetchConnection connection = transport.openFetch(List.of(), refName)) {
                Ref ref = connection.getRef(refName);
                if (ref == null || ref.getObjectId() == null) {
                    return Optional.empty();
                }
                if (!local.getObjectDatabase().has(ref.getObjectId())) {
                    connection.fetch(NullProgressMonitor.INSTANCE, List.of(ref), Set.of());
                }
                return Optional.of(ref.getObjectId());
            }
        });
    }

    /** Copies into {@code local} the objects of every ref below {@code prefix} that it lacks. */
    void fetchAll(Repository local, String prefix) {
        call("fetch " + prefix + "*", local, transport -> {
            try (FetchConnection connection = transport.openFetch(List.of(), prefix)) {
                List<Ref> wanted = new ArrayList<>();
                for (Ref ref : connection.getRefs()) {
                    if (ref.getName().startsWith(prefix)
                            && ref.getObjectId() != null
                            && !local.getObjectDatabase().has(ref.getObjectId())) {
                        wanted.add(ref);
                    }
                }
                if (!wanted.isEmpty()) {
                    connection.fetch(NullProgressMonitor.INSTANCE, wanted, Set.of());
                }
                return null;
            }
        });
    }

    /** Sends {@code updates} in one push (objects from {@code local}); the caller reads each update's status. */
    Collection<RemoteRefUpdate> push(Repository local, List<RemoteRefUpdate> updates) {
        String what = updates.size() == 1 ? updates.get(0).getRemoteName() : updates.size() + " refs";
        return call("push " + what, local, transport -> {
            PushResult result = transport.push(NullProgressMonitor.INSTANCE, updates);
            return result.getRemoteUpdates();
        });
    }

    private interface TransportCall<T> {
        T call(Transport transport) throws IOException;
    }

    private <T> T call(String what, Repository local, TransportCall<T> body) {
        try (Transport transport = Transport.open(local, uri)) {
            credentials.ifPresent(transport::setCredentialsProvider);
            transport.setTimeout((int) Math.max(1, timeout.toSeconds()));
            return body.call(transport);
        } catch (NoRemoteRepositoryException e) {
            throw new RemoteRefusedException("cannot " + what + ": no repository at " + url);
        } catch (NotSupportedException e) {
            throw new RemoteRefusedException("cannot " + what + ": " + url + " is not a transport this service speaks");
        } catch (TransportException e) {
            if (String.valueOf(e.getMessage()).contains("not authorized")
                    || String.valueOf(e.getMessage()).contains("authentication")) {
                throw new RemoteRefusedException(
                        "cannot " + what + ": " + url + " refused the credentials (KTX_GIT_USER / KTX_GIT_TOKEN)");
            }
            throw new UncheckedIOException("cannot " + what + " at " + url + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what + " at " + url + ": " + e.getMessage(), e);
        }
    }

    /** The remote answered but will not do it: trying again with the same settings fails the same way. */
    public static final class RemoteRefusedException extends IllegalStateException {
        RemoteRefusedException(String message) {
            super(message);
        }
    }
}
