package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.git.SessionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the context repo holds, read with the git CLI (not JGit, which wrote it): squash commits on {@code main} by
 * their {@code Ktx-Run}/{@code Ktx-Target} trailers, session and sentinel refs, and {@code git fsck}.
 */
final class ContextRepoGit {

    private static final String FIELD = "\u001f";

    private final Path repo;

    ContextRepoGit(Path repo) {
        this.repo = repo;
    }

    /** Commits on {@code main} whose trailers say they squash {@code target} of {@code runId}. */
    long squashCommits(String runId, String target) {
        return git(
                        "log",
                        "main",
                        "--format=%(trailers:key=Ktx-Run,valueonly,separator=%x2C)" + FIELD
                                + "%(trailers:key=Ktx-Target,valueonly,separator=%x2C)")
                .lines()
                .filter(line -> line.equals(runId + FIELD + target))
                .count();
    }

    /** The head of {@code main}. */
    String mainHead() {
        return git("rev-parse", "main").strip();
    }

    /** The values of trailer {@code key} of {@code commit}, one per line. */
    String trailers(String commit, String key) {
        return git("log", "-1", "--format=%(trailers:key=" + key + ",valueonly)", commit)
                .strip();
    }

    /** {@code git ls-tree -r} of the artifact roots (wiki, semantic layer, raw sources, provenance) at {@code commit}. */
    String artifactTree(String commit) {
        return tree(commit, "wiki", "semantic-layer", "raw-sources", "provenance");
    }

    /** {@code git ls-tree -r} of {@code roots} at {@code commit}: every file with its mode and blob id. */
    String tree(String commit, String... roots) {
        List<String> args = new ArrayList<>(List.of("ls-tree", "-r", commit, "--"));
        args.addAll(List.of(roots));
        return git(args.toArray(String[]::new));
    }

    /** The paths that differ between two commits, one per line. */
    String changedPaths(String from, String to) {
        return git("diff", "--name-only", from, to).strip();
    }

    /** {@code <runId>/<connectionId>} of each session ref that has no sentinel (only a failure keeps a session, with a sentinel: docs/operations.md). */
    List<String> sessionsWithoutSentinel() {
        Set<String> sentinels = Set.copyOf(refs(SessionId.SENTINEL_REF_PREFIX));
        return refs(SessionId.SESSION_REF_PREFIX).stream()
                .filter(session -> !sentinels.contains(session))
                .toList();
    }

    /** The targets of {@code runId} that have a sentinel, i.e. that a service recorded as failed. */
    List<String> sentinels(String runId) {
        return refs(SessionId.SENTINEL_REF_PREFIX + runId + "/");
    }

    /** What {@code git fsck --strict} reports beyond a clean check (dangling objects are normal after session deletes). */
    String fsckProblems() {
        Output fsck = run("fsck", "--strict", "--no-dangling", "--no-progress");
        return fsck.exitCode() == 0 && fsck.text().isBlank() ? "" : "exit " + fsck.exitCode() + ": " + fsck.text();
    }

    private List<String> refs(String prefix) {
        return git("for-each-ref", "--format=%(refname)", prefix)
                .lines()
                .map(ref -> ref.substring(prefix.length()))
                .toList();
    }

    private String git(String... args) {
        Output output = run(args);
        if (output.exitCode() != 0) {
            throw new IllegalStateException(
                    "git " + String.join(" ", args) + " failed in " + repo + ": " + output.text());
        }
        return output.text();
    }

    private Output run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(60, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in " + repo);
            }
            return new Output(git.exitValue(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run git in " + repo, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }

    private record Output(int exitCode, String text) {}
}
