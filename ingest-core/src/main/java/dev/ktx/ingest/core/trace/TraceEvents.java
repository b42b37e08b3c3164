package dev.ktx.ingest.core.trace;

/** The trace's event names (docs/ingest-core.md, "Traces"; docs/services.md), in one place. */
public final class TraceEvents {

    public static final String RUN_STARTED = "run_started";
    public static final String RUN_FINISHED = "run_finished";
    public static final String TARGET_STARTED = "target_started";
    public static final String TARGET_FINISHED = "target_finished";
    public static final String STAGE_BARRIER_REACHED = "stage_barrier_reached";
    public static final String SESSION_REFRESHED_FROM_ROOT = "session_refreshed_from_root";
    public static final String FINAL_WINDOW_ENTERED = "final_window_entered";
    public static final String FINAL_WINDOW_LEFT = "final_window_left";
    public static final String FINAL_ARTIFACT_GATES_FAILED = "final_artifact_gates_failed";
    public static final String SQUASH_FINISHED = "squash_finished";
    /** The compare-and-swap on main lost to another writer and the window retries (docs/operations.md). */
    public static final String SQUASH_CAS_LOST = "squash_cas_lost";
    /** Gates only missed references an unfinished peer of the run may land; looked at again when a peer is final. */
    public static final String FINALIZE_PARKED = "finalize_parked";
    /** A parked session is looked at again because a peer of its run reached a final state. */
    public static final String FINALIZE_RESUMED = "finalize_resumed";
    /** The project lock expired before the compare-and-swap; nothing was written and the request is handled again. */
    public static final String FINAL_WINDOW_LOCK_LOST = "final_window_lock_lost";
    /** A session failed and its sentinel was written (docs/ingest-core.md, "Traces"). */
    public static final String SESSION_FAILED = "session_failed";
    /** The planner failed a target that went silent or outlived the run timeout (docs/services.md, "Deadlines"). */
    public static final String TARGET_TIMED_OUT = "target_timed_out";

    /**
     * A worker still runs the target's job; {@code phase} is the phase of the target's last event. The planner fails
     * targets that go silent for longer than its silence limit (docs/services.md, "Deadlines").
     */
    public static final String TARGET_HEARTBEAT = "target_heartbeat";
    /** A job attempt failed transiently and runs again after {@code data.backoffMs}. */
    public static final String TARGET_RETRY = "target_retry";
    /**
     * The planner lost the run's state (Redis restarted without persistence) and rebuilt it from the run's record and
     * its refs in the repository; {@code data} says what became of each target (docs/services.md, "Run state in
     * Redis").
     */
    public static final String RUN_RESTORED = "run_restored";

    /** A rollback of the run landed on main ({@code data}: rollbackId, commit, paths). */
    public static final String ROLLBACK_FINISHED = "rollback_finished";
    /** A rollback of the run was refused or failed, nothing written ({@code error} says why). */
    public static final String ROLLBACK_REFUSED = "rollback_refused";

    private TraceEvents() {}
}
