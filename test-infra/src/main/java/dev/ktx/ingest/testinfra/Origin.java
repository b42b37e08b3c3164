package dev.ktx.ingest.testinfra;

/** Where a running service came from. */
public enum Origin {
    /** An endpoint given by an environment variable; nothing was started. */
    ENVIRONMENT,
    /** A Testcontainers container. */
    DOCKER,
    /** A process started from binaries installed on this machine. */
    LOCAL
}
