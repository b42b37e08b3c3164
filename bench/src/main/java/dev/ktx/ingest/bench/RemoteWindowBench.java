package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.RepoUrl;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.testinfra.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Final-window time for a {@value BenchWindow#SESSION_PAGES}-page session on the 10,000-file bench repo, reached
 * (a) as a local bare repo and (b) over authenticated smart HTTP ({@link GitHttpServer}) through a
 * {@code RemoteContextRepository}, whose every ref read is a fetch into its mirror and every ref update a push
 * (docs/operations.md, "Context repository: local path or git remote"). The server serves a copy of the local
 * repo, so both start equal; the remote sessions are written by a worker with a mirror of its own, so each window
 * fetches the session. The two cases alternate run by run. Argument: measured runs (optional).
 */
public final class RemoteWindowBench {

    private static final int FILES = 10_000;
    // As FinalWindowBench: the window's paths need a few runs before the JIT has compiled them.
    private static final int WARMUP = 10;
    private static final int RUNS = 10;
    private static final String USER = "bench";

    public static void main(String[] args) throws Exception {
        int runs = args.length == 0 ? RUNS : Integer.parseInt(args[0]);
        Path work = Files.createTempDirectory("ktx-bench");
        System.out.printf(
                "repo: %,d files, session: %d pages, %d warm-up + %d measured runs per case%n",
                FILES, BenchWindow.SESSION_PAGES, WARMUP, runs);
        Timings localSessions = new Timings();
        Timings localWindows = new Timings();
        Timings remoteSessions = new Timings();
        Timings remoteWindows = new Timings();
        int pushes = 0;
        String token = UUID.randomUUID().toString();
        Path served = Files.createDirectories(work.resolve("served"));
        try (BenchWindow local = BenchWindow.create(work.resolve("context.git"), FILES)) {
            BenchRepo.copy(local.dir(), served.resolve("context.git"));
            try (GitHttpServer server = GitHttpServer.start(served, USER, token);
                    BenchWindow remote = BenchWindow.remote(
                            served.resolve("context.git"),
                            remote(server, token),
                            work.resolve("finalizer-cache"),
                            work.resolve("worker-cache"))) {
                for (int run = 0; run < WARMUP + runs; run++) {
                    boolean measured = run >= WARMUP;
                    SessionId session = new SessionId("bench-" + run, "dbt");
                    double localSession = prepare(local, session);
                    double localWindow = local.time(session);
                    double remoteSession = prepare(remote, session);
                    int pushesBefore = server.receivePackCount();
                    double remoteWindow = remote.time(session);
                    if (measured) {
                        localSessions.add(localSession);
                        localWindows.add(localWindow);
                        remoteSessions.add(remoteSession);
                        remoteWindows.add(remoteWindow);
                        pushes += server.receivePackCount() - pushesBefore;
                    }
                }
            }
        } finally {
            BenchRepo.deleteRecursively(work);
        }

        String files = String.format("%,d files", FILES);
        String session = String.format("worker session (open + %d-page commit)", BenchWindow.SESSION_PAGES);
        new ResultTable("what", "median", "min")
                .timings("final window, local bare repo, " + files, localWindows)
                .timings(
                        String.format(
                                "final window, over HTTP (%.1f pushes per window), %s", (double) pushes / runs, files),
                        remoteWindows)
                .row(
                        "**HTTP remote / local (medians)**",
                        ResultTable.ratio(remoteWindows.median() / localWindows.median()),
                        "")
                .timings(session + ", local bare repo", localSessions)
                .timings(session + ", over HTTP", remoteSessions)
                .row(
                        "HTTP remote / local (medians)",
                        ResultTable.ratio(remoteSessions.median() / localSessions.median()),
                        "")
                .print();
    }

    private static GitRemote remote(GitHttpServer server, String token) {
        return new GitRemote(
                RepoUrl.parse("repoUrl", server.url("context.git").toString()),
                Optional.of(new UsernamePasswordCredentialsProvider(USER, token)),
                Duration.ofSeconds(60));
    }

    private static double prepare(BenchWindow bench, SessionId session) {
        long started = System.nanoTime();
        bench.preparePages(session);
        return Timings.since(started);
    }
}
