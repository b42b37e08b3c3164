package dev.ktx.ingest.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Test helpers: file versions as text, and what a {@link FileMerge} came to. */
final class FileMerges {

    private FileMerges() {}

    /** {@code null} = the file is not in the merge base. */
    static Optional<byte[]> base(String text) {
        return Optional.ofNullable(text).map(FileMerges::utf8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String mergedText(FileMerge merge) {
        assertThat(merge).isInstanceOf(FileMerge.Merged.class);
        return new String(((FileMerge.Merged) merge).content(), StandardCharsets.UTF_8);
    }

    static List<String> conflicts(FileMerge merge) {
        assertThat(merge).isInstanceOf(FileMerge.Conflicted.class);
        return ((FileMerge.Conflicted) merge)
                .conflicts().stream().map(MergeConflict::description).toList();
    }
}
