package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.EntryKind;
import org.eclipse.jgit.lib.FileMode;

/** Maps git file modes to {@link EntryKind}. */
final class EntryKinds {

    private EntryKinds() {}

    static EntryKind of(FileMode mode) {
        return switch (mode.getBits() & FileMode.TYPE_MASK) {
            case FileMode.TYPE_FILE ->
                FileMode.EXECUTABLE_FILE.equals(mode.getBits()) ? EntryKind.EXECUTABLE : EntryKind.FILE;
            case FileMode.TYPE_SYMLINK -> EntryKind.SYMLINK;
            case FileMode.TYPE_GITLINK -> EntryKind.GITLINK;
            case FileMode.TYPE_TREE -> EntryKind.DIRECTORY;
            default -> EntryKind.MISSING;
        };
    }
}
