package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.RemoteContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.window.FinalWindow;
import dev.ktx.ingest.core.window.FinalWindowSettings;
import dev.ktx.ingest.core.window.FinalizeOutcome;
import dev.ktx.ingest.core.window.FinalizeRequest;
import dev.ktx.ingest.core.window.SessionGates;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * A {@link BenchRepo} with the final window the finalizer service runs on it (same gates, one in-process project
 * lock, no trace sink), and sessions that add {@link #SESSION_PAGES} linked wiki pages. The repo is a local bare
 * repo ({@link #create}) or a git remote ({@link #remote}), where the sessions come from a worker of its own.
 */
final class BenchWindow implements AutoCloseable {

    static final int SESSION_PAGES = 50;

    private final Path dir;
    private final ContextRepository repo;
    private final ContextRepository worker;
    private final FinalWindow window;

    /** {@code worker} writes the sessions, {@code repo} is the finalizer's; they may be one instance. */
    private BenchWindow(Path dir, ContextRepository repo, ContextRepository worker) {
        this.dir = dir;
        this.repo = repo;
        this.worker = worker;
        window = new FinalWindow(
                repo,
                new InProcessProjectLock(),
                SessionGates.of(new FinalGates(), new ProvenanceGate()),
                event -> {},
                Clock.systemUTC(),
                FinalWindowSettings.DEFAULTS);
    }

    /** Creates a repo of {@code files} files in {@code dir} and opens it. */
    static BenchWindow create(Path dir, int files) {
        BenchRepo.create(dir, files);
        LocalContextRepository repo = LocalContextRepository.open(dir);
        return new BenchWindow(dir, repo, repo);
    }

    /**
     * The window of a finalizer that reaches the repo served from {@code servedDir} through {@code remote}, with its
     * mirror in {@code finalizerCache}; the sessions are written by a worker with its own mirror in
     * {@code workerCache}, as in a deployment, so each window fetches the session's ref and objects.
     */
    static BenchWindow remote(Path servedDir, GitRemote remote, Path finalizerCache, Path workerCache) {
        return new BenchWindow(
                servedDir,
                RemoteContextRepository.open(remote, "main", finalizerCache),
                RemoteContextRepository.open(remote, "main", workerCache));
    }

    /** The bare repository's directory (for a remote, the one the server serves). */
    Path dir() {
        return dir;
    }

    /** The finalizer's repository. */
    ContextRepository repo() {
        return repo;
    }

    /** Opens the session at the current {@code main} head with one commit of 50 new pages linking to old ones. */
    void preparePages(SessionId session) {
        worker.openSession(session);
        Changeset.Builder changes = Changeset.builder();
        for (int i = 0; i < SESSION_PAGES; i++) {
            String key = "bench-" + session.runId() + "-" + i;
            changes.write("wiki/global/" + key + ".md", BenchRepo.page(key, "page-" + (i * 97 % 1000)));
        }
        worker.commit(session, changes.build(), "bench session " + session);
    }

    /** Milliseconds for one whole final window; the session must land. */
    double time(SessionId session) throws InterruptedException {
        long started = System.nanoTime();
        FinalizeOutcome outcome = window.finalizeSession(request(session));
        double millis = Timings.since(started);
        if (!outcome.landed()) {
            throw new IllegalStateException("bench session " + session + " did not land: " + outcome);
        }
        return millis;
    }

    /** Milliseconds for one final window landing all {@code sessions} in turn (one hold); all must land. */
    double timeInTurn(List<SessionId> sessions) throws InterruptedException {
        long started = System.nanoTime();
        List<FinalizeOutcome> outcomes = window.finalizeInTurn(
                sessions.stream().map(BenchWindow::request).toList());
        double millis = Timings.since(started);
        for (int i = 0; i < sessions.size(); i++) {
            if (!outcomes.get(i).landed()) {
                throw new IllegalStateException(
                        "bench session " + sessions.get(i) + " did not land: " + outcomes.get(i));
            }
        }
        return millis;
    }

    FinalWindow window() {
        return window;
    }

    static FinalizeRequest request(SessionId session) {
        return new FinalizeRequest("bench", session, Set.of(BenchRepo.CONNECTION), "bench " + session, Set.of());
    }

    @Override
    public void close() {
        repo.close();
        if (worker != repo) {
            worker.close();
        }
    }
}
