package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.config.DbtProject;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.util.FileUtils;

/**
 * Local clones of dbt projects kept between runs: one directory per repository URL + branch (named by a hash of
 * both), brought up to date by fetch + hard reset to {@code origin/<branch>}, so a run transfers only new objects.
 * A cache that cannot be opened or updated is replaced by a fresh clone, built beside it first so that a network
 * failure never costs the cache. A clone is held (in this JVM and, by a file lock, across processes sharing the
 * directory) while it is updated and read.
 */
final class DbtRepoCache {

    /** Hosts that take a token as the password accept any user name (GitHub, GitLab, Gitea). */
    static final String USERNAME = "ktx";

    private static final String ORIGIN = Constants.DEFAULT_REMOTE_NAME;
    private static final Map<Path, ReentrantLock> HELD = new ConcurrentHashMap<>();

    private final Path root;

    DbtRepoCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The work tree of a clone; valid only while {@link #withCheckout} runs. */
    @FunctionalInterface
    interface CheckoutReader<T> {
        T read(Path workTree) throws IOException;
    }

    /**
     * Brings the clone of {@code repo} up to date and hands its work tree to {@code reader}.
     *
     * @param token the resolved {@code token}, sent as the HTTP basic-auth password; never part of a message
     * @throws DbtGitException     when the repository cannot be reached (transient)
     * @throws DbtProjectException when it rejects the token or has no such branch
     */
    <T> T withCheckout(DbtProject.GitRepo repo, Optional<String> token, CheckoutReader<T> reader) throws IOException {
        Path dir = root.resolve(key(repo));
        Files.createDirectories(root);
        ReentrantLock held = HELD.computeIfAbsent(dir, d -> new ReentrantLock());
        held.lock();
        try (FileChannel channel = FileChannel.open(
                        root.resolve(dir.getFileName() + ".lock"),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            CredentialsProvider credentials = token.map(t -> new UsernamePasswordCredentialsProvider(USERNAME, t))
                    .orElse(null);
            Git git;
            try {
                git = update(dir, repo, credentials);
            } catch (GitAPIException | RuntimeException e) {
                throw DbtGitException.of(repo, e, token);
            }
            try (git) {
                return reader.read(git.getRepository().getWorkTree().toPath());
            }
        } finally {
            held.unlock();
        }
    }

    /** {@code <first 16 hex of sha256(url + LF + branch)>}: stable per repository and branch, safe as a file name. */
    static String key(DbtProject.GitRepo repo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((repo.repoUrl() + "\n" + repo.branch()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Git update(Path dir, DbtProject.GitRepo repo, CredentialsProvider credentials)
            throws GitAPIException, IOException {
        if (Files.isDirectory(dir.resolve(Constants.DOT_GIT))) {
            Optional<Git> updated = updateCached(dir, repo.branch(), credentials);
            if (updated.isPresent()) {
                return updated.get();
            }
        }
        return freshClone(dir, repo, credentials);
    }

    /** Empty when the cached clone is damaged, so that it gets replaced; failing to reach the remote is thrown. */
    private static Optional<Git> updateCached(Path dir, String branch, CredentialsProvider credentials)
            throws GitAPIException {
        Git cached;
        try {
            cached = Git.open(dir.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            fetchAndReset(cached, branch, credentials);
            return Optional.of(cached);
        } catch (GitAPIException | RuntimeException e) {
            cached.close();
            if (DbtGitException.isLocalDamage(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void fetchAndReset(Git git, String branch, CredentialsProvider credentials) throws GitAPIException {
        String tracking = Constants.R_REMOTES + ORIGIN + "/" + branch;
        git.fetch()
                .setRemote(ORIGIN)
                .setCredentialsProvider(credentials)
                .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + branch + ":" + tracking))
                .call();
        git.reset().setMode(ResetCommand.ResetType.HARD).setRef(tracking).call();
        // files a crashed earlier run or a changed .gitignore left behind are not part of the project
        git.clean().setCleanDirectories(true).setIgnore(false).setForce(true).call();
    }

    private static Git freshClone(Path dir, DbtProject.GitRepo repo, CredentialsProvider credentials)
            throws GitAPIException, IOException {
        String prefix = dir.getFileName() + ".clone-";
        // a process that died while cloning left its clone behind; under the lock no one else is cloning
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dir.getParent(), prefix + "*")) {
            for (Path leftover : stale) {
                FileUtils.delete(leftover.toFile(), FileUtils.RECURSIVE);
            }
        }
        Path fresh = Files.createTempDirectory(dir.getParent(), prefix);
        try {
            Git.cloneRepository()
                    .setURI(repo.repoUrl())
                    .setDirectory(fresh.toFile())
                    .setBranch(Constants.R_HEADS + repo.branch())
                    .setBranchesToClone(List.of(Constants.R_HEADS + repo.branch()))
                    .setCredentialsProvider(credentials)
                    .call()
                    .close();
            if (Files.exists(dir)) {
                FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE);
            }
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            return Git.open(dir.toFile());
        } finally {
            if (Files.exists(fresh)) {
                FileUtils.delete(fresh.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
            }
        }
    }
}
