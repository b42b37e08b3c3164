package dev.ktx.ingest.core.git;

import java.nio.file.Path;

/**
 * A ref could not be updated although it still holds the expected value: a {@code *.lock} file left behind
 * by a crashed git process blocks every writer (JGit and CLI git alike) until an operator removes it.
 */
public class StaleLockFileException extends IllegalStateException {

    private final transient Path lockFile;

    public StaleLockFileException(String refName, Path lockFile) {
        super("cannot update " + refName + ": lock file " + lockFile + " exists and was not released. "
                + "If no git process is using this repository, delete " + lockFile + " and retry.");
        this.lockFile = lockFile;
    }

    public Path lockFile() {
        return lockFile;
    }
}
