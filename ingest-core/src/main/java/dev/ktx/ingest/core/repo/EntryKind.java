package dev.ktx.ingest.core.repo;

/** What a path is in a tree. Gates reject symlinks and sub-modules, so the distinction matters. */
public enum EntryKind {
    MISSING,
    FILE,
    EXECUTABLE,
    SYMLINK,
    GITLINK,
    DIRECTORY;

    public boolean isRegularFile() {
        return this == FILE || this == EXECUTABLE;
    }
}
