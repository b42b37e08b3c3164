package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.RepoTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FileUtils;

/**
 * Writes the inputs of a commit (every regular file outside the directories ktx writes: {@code wiki/},
 * {@code semantic-layer/}, {@code raw-sources/}, {@code provenance/}) to a directory, for a project on a git remote
 * whose {@code ktx.yaml} names paths such as {@code snapshot_dir: ./snapshots} relative to the project. Symlinks are
 * not written, so nothing leads out of the directory. A commit's export is written once, beside its final place, and
 * moved there whole; exports older than a day are removed when a new one is written.
 */
public final class CommitExport {

    private static final List<String> ARTIFACT_DIRS =
            List.of("wiki/", "semantic-layer/", "raw-sources/", "provenance/");

    /** Longer than any job runs, so an export is never removed under a job that reads it. */
    private static final Duration KEEP = Duration.ofHours(24);

    private CommitExport() {}

    /** Exports of other commits written before {@code age} ago go: each run exports the commit it starts from. */
    private static void removeOlderThan(Path parent, Duration age) throws IOException {
        Instant cutoff = Instant.now().minus(age);
        try (Stream<Path> exports = Files.list(parent)) {
            for (Path export : exports.toList()) {
                if (Files.getLastModifiedTime(export).toInstant().isBefore(cutoff)) {
                    FileUtils.delete(export.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
                }
            }
        }
    }

    /** {@code dir}, holding the inputs of the commit {@code tree} is a view of; written unless it exists. */
    public static Path ensure(RepoTree tree, Path dir) {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(dir.getParent());
            Path fresh = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".export-");
            for (String path : tree.listFilesRecursive("")) {
                if (ARTIFACT_DIRS.stream().noneMatch(path::startsWith)) {
                    Path target = fresh.resolve(path);
                    Files.createDirectories(target.getParent());
                    Files.write(target, tree.read(path).orElseThrow());
                }
            }
            try {
                Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                FileUtils.delete(fresh.toFile(), FileUtils.RECURSIVE);
            }
            removeOlderThan(dir.getParent(), KEEP);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the inputs of the project to " + dir, e);
        }
    }
}
