package dev.ktx.ingest.core.source;

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
 * path. Symbolic links are not followed, so a snapshot cannot pull in files from elsewhere.
 */
public final class SnapshotDirectory {

    private SnapshotDirectory() {
    }

    /**
     * The snapshot of an adapter that reads only {@code snapshot_dir} (no live API yet): the files in its layout,
     * checked by {@code validate}; a complete read, so it is authoritative.
     *
     * @param api the upstream's name, for the error when no snapshot_dir is configured
     */
    public static RawSnapshot fetch(Optional<Path> snapshotDir, String api, String connectionId, Predicate<String> inLayout,
                                    Consumer<SortedMap<String, byte[]>> validate) throws IOException {
        Path dir = snapshotDir.orElseThrow(() -> new UnsupportedOperationException(
                "live " + api + " API not supported yet; set snapshot_dir for connection " + connectionId));
        SortedMap<String, byte[]> files = read(dir, inLayout);
        validate.accept(files);
        return new RawSnapshot(files, true);
    }

    /** @throws NoSuchFileException when {@code dir} is not a directory */
    public static SortedMap<String, byte[]> read(Path dir, Predicate<String> inLayout) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "snapshot_dir is not a directory");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String relative = dir.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                if (inLayout.test(relative)) {
                    files.put(relative, Files.readAllBytes(path));
                }
            }
        }
        return files;
    }
}
