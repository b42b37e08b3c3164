package dev.ktx.ingest.core.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/**
 * Opens a context repository that lives on a git remote: its refs are the remote's ({@link RemoteRefStore}), its
 * objects are kept in a bare mirror under the service's cache directory, one per remote URL, created on first use.
 * Its identity (project lock, run keys) is a hash of the normalised URL, so every service and every spelling of the
 * URL agree on it.
 */
public final class RemoteContextRepository {

    private RemoteContextRepository() {}

    /** @param cacheDir the caller's cache: the mirror is {@code mirrors/<identity>.git} in it */
    public static ContextRepository open(GitRemote remote, String mainBranch, Path cacheDir) {
        String identity = LocalContextRepository.shortHash(remote.url().toString());
        Repository mirror = mirror(cacheDir.resolve("mirrors").resolve(identity + ".git"));
        RemoteRefStore refs = new RemoteRefStore(mirror, remote, Constants.R_HEADS + mainBranch);
        return new LocalContextRepository(mirror, mainBranch, refs, identity);
    }

    /**
     * The bare mirror at {@code dir}, created whole or not at all: initialised beside it and moved into place, so a
     * process that dies half way, or another one creating it at the same time, never leaves a broken mirror.
     */
    private static Repository mirror(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Path fresh = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".init-");
                Git.init().setBare(true).setDirectory(fresh.toFile()).call().close();
                try {
                    Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                    FileUtils.delete(fresh.toFile(), FileUtils.RECURSIVE);
                }
            }
            return new FileRepositoryBuilder()
                    .setGitDir(dir.toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the repository cache " + dir, e);
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create the repository cache " + dir + ": " + e.getMessage(), e);
        }
    }
}
