package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.input.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Reads a local {@code snapshot_dir}: the regular files an adapter's layout selects, by {@code /}-separated relative
 * path. Symbolic links are not followed, so a snapshot cannot pull in files from elsewhere; each file is read through
 * {@link InputFiles} (size cap, UTF-8).
 */
public final class SnapshotDirectory {

    private SnapshotDirectory() {}

    /** Reads a source's live API. */
    @FunctionalInterface
    public interface LiveFetch {
        RawSnapshot fetch() throws IOException, InterruptedException;
    }

    /**
     * The snapshot in {@code dir} when the connection has a {@code snapshot_dir} (see {@link #fetch(Path, Predicate,
     * Consumer)}), else what {@code live} reads from the API: the rule of the drivers with a live API
     * (docs/connectors.md).
     */
    public static RawSnapshot fetchOr(
            Optional<Path> dir,
            Predicate<String> inLayout,
            Consumer<SortedMap<String, byte[]>> validate,
            LiveFetch live)
            throws IOException, InterruptedException {
        return dir.isPresent() ? fetch(dir.get(), inLayout, validate) : live.fetch();
    }

    /**
     * The snapshot in {@code dir}: the files in the adapter's layout, checked by {@code validate}; a complete read,
     * so it is authoritative.
     */
    public static RawSnapshot fetch(Path dir, Predicate<String> inLayout, Consumer<SortedMap<String, byte[]>> validate)
            throws IOException {
        SortedMap<String, byte[]> files = read(dir, inLayout);
        validate.accept(files);
        return RawSnapshot.complete(files);
    }

    /** @throws NoSuchFileException when {@code dir} is not a directory */
    public static SortedMap<String, byte[]> read(Path dir, Predicate<String> inLayout) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "snapshot_dir is not a directory");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String relative = dir.relativize(path)
                        .toString()
                        .replace(path.getFileSystem().getSeparator(), "/");
                if (inLayout.test(relative)) {
                    files.put(relative, InputFiles.read(path, relative));
                }
            }
        }
        return files;
    }
}
