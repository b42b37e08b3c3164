package dev.ktx.ingest.core.repo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of one commit of the context repo. Paths are repo-relative with {@code /} separators.
 * Implementations look paths up directly (no full-tree scans) so that callers pay for what they read.
 */
public interface RepoTree {

    /** Content of a regular file, empty when the path is missing or not a regular file. */
    Optional<byte[]> read(String path);

    EntryKind kind(String path);

    /** Regular files directly inside {@code dir} (full paths, sorted); empty when the directory is missing. */
    List<String> listFiles(String dir);

    /** Regular files anywhere below {@code dir} (full paths, sorted); empty when the directory is missing. */
    List<String> listFilesRecursive(String dir);

    default Optional<String> readText(String path) {
        return read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    default boolean exists(String path) {
        return kind(path) != EntryKind.MISSING;
    }
}
