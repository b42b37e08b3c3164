package dev.ktx.ingest.core.merge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.merge.MergeAlgorithm;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;

/** Line-wise three-way merge (JGit's histogram diff), the rule for files that have no structure of their own. */
final class LineMerge {

    static final String OVERLAP = "changed on both sides in the same lines";

    private LineMerge() {}

    /** The merged text, or empty when both sides changed the same lines. */
    static Optional<byte[]> merge(byte[] base, byte[] ours, byte[] theirs) {
        MergeResult<RawText> result = new MergeAlgorithm()
                .merge(RawTextComparator.DEFAULT, new RawText(base), new RawText(ours), new RawText(theirs));
        if (result.containsConflicts()) {
            return Optional.empty();
        }
        ByteArrayOutputStream merged = new ByteArrayOutputStream(Math.max(ours.length, theirs.length));
        try {
            // Without conflicts the formatter writes no markers: it is the plain concatenation of the chunks.
            new MergeFormatter().formatMerge(merged, result, List.of("base", "ours", "theirs"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(merged.toByteArray());
    }

    /** The rule for paths of no known artifact kind ({@code ktx.yaml}, anything else): text merged line-wise. */
    static FileMerge mergeFile(String path, Optional<byte[]> base, byte[] ours, byte[] theirs) {
        byte[] before = base.orElse(new byte[0]);
        if (RawText.isBinary(before) || RawText.isBinary(ours) || RawText.isBinary(theirs)) {
            return FileMerge.conflict(path, "binary content changed on both sides");
        }
        return merge(before, ours, theirs)
                .<FileMerge>map(FileMerge.Merged::new)
                .orElseGet(() -> FileMerge.conflict(path, OVERLAP));
    }
}
