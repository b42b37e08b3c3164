package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.SessionId;
import java.nio.file.Path;

/** The git CLI way of squashing a session into main: a working tree, a squash merge and a commit. */
final class GitCliSquash {

    private GitCliSquash() {}

    /** Milliseconds for worktree add + merge --squash + commit (the worktree is removed afterwards, untimed). */
    static double time(Path repoDir, Path worktree, SessionId session) throws Exception {
        long started = System.nanoTime();
        Commands.run(repoDir, "git", "worktree", "add", "-q", worktree.toString(), "main");
        Commands.run(worktree, "git", "merge", "--squash", "-q", session.sessionRef());
        Commands.run(
                worktree,
                "git",
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@localhost",
                "commit",
                "-q",
                "-m",
                "squash " + session);
        double millis = (System.nanoTime() - started) / 1e6;
        Commands.run(repoDir, "git", "worktree", "remove", "--force", worktree.toString());
        return millis;
    }
}
