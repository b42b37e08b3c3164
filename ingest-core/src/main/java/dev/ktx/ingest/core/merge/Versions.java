package dev.ktx.ingest.core.merge;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three versions of one file, read by its artifact codec: the merge base (absent when both sides added the
 * file), ours (the session) and theirs ({@code main}).
 */
record Versions<T>(Optional<T> base, T ours, T theirs) {

    /**
     * Reads every version and merges them; a version the codec rejects is a conflict that names it, so a malformed
     * file never aborts the refresh.
     */
    static <T> FileMerge mergeReadable(
            String path,
            Optional<byte[]> base,
            byte[] ours,
            byte[] theirs,
            Function<String, T> codec,
            Function<Versions<T>, FileMerge> merge) {
        Versions<T> versions;
        try {
            Optional<T> readBase =
                    base.isEmpty() ? Optional.empty() : Optional.of(read(codec, base.get(), "the merge base"));
            versions = new Versions<>(readBase, read(codec, ours, "the session"), read(codec, theirs, "main"));
        } catch (Unreadable e) {
            return FileMerge.conflict(path, e.getMessage());
        }
        return merge.apply(versions);
    }

    private static <T> T read(Function<String, T> codec, byte[] content, String version) throws Unreadable {
        try {
            return codec.apply(new String(content, StandardCharsets.UTF_8));
        } catch (ArtifactFormatException e) {
            throw new Unreadable("unreadable in " + version + ": " + e.getMessage());
        }
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
