package dev.ktx.ingest.cli;

/** docs/cli.md: 0 when no step failed, 1 when one did, 2 when the CLI could not do what was asked. */
public final class ExitCodes {

    public static final int OK = 0;
    /** A step failed; also a run without an outcome to report: the wait timed out, or the planner lost the run. */
    public static final int STEP_FAILED = 1;
    /**
     * Usage or configuration error; also anything else that keeps the CLI from doing what was asked (the planner
     * unreachable, an unknown run).
     */
    public static final int ERROR = 2;

    private ExitCodes() {}
}
