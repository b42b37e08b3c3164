package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.job.JobOutcome;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.TargetResults;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.window.SessionFailure;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source run ended. {@code READY}: the session holds the sync and is ready for the finalizer
 * ({@code sessionHead}); {@code partial} says why its fetch was incomplete, in which case it deleted nothing. {@code UNCHANGED}: the input equals the previous sync, nothing was committed (the caller
 * deletes the session and reports {@code done}). {@code FAILED}: {@code failure} says why; its sentinel is written.
 */
public record SourceRunResult(
        Status status,
        SyncId syncId,
        Optional<String> sessionHead,
        Optional<SessionFailure> failure,
        Counts counts,
        Optional<String> partial) {

    public enum Status {
        READY,
        UNCHANGED,
        FAILED
    }

    /**
     * Sizes for traces: work units run, raw files staged, artifacts written, stale artifacts deleted, provenance
     * rows, and overlays reconciliation removed (the missing-schema hard stop after the refresh).
     */
    public record Counts(
            int units, int rawFiles, int artifactsWritten, int staleDeleted, int provenanceRows, int overlaysRemoved) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        Counts withOverlaysRemoved(int removed) {
            return new Counts(units, rawFiles, artifactsWritten, staleDeleted, provenanceRows, removed);
        }
    }

    public SourceRunResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(syncId, "syncId");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(partial, "partial");
        if ((status == Status.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failure is given exactly when the status is FAILED");
        }
    }

    static SourceRunResult ready(SyncId syncId, String sessionHead, Counts counts, Optional<String> partial) {
        return new SourceRunResult(Status.READY, syncId, Optional.of(sessionHead), Optional.empty(), counts, partial);
    }

    static SourceRunResult unchanged(SyncId syncId, int rawFiles) {
        return new SourceRunResult(
                Status.UNCHANGED,
                syncId,
                Optional.empty(),
                Optional.empty(),
                new Counts(0, rawFiles, 0, 0, 0, 0),
                Optional.empty());
    }

    static SourceRunResult failed(SyncId syncId, SessionFailure failure, Counts counts) {
        return new SourceRunResult(
                Status.FAILED, syncId, Optional.empty(), Optional.of(failure), counts, Optional.empty());
    }

    /** The job's outcome for {@code connection}: a partial fetch is said in the result's detail. */
    public JobOutcome outcome(ConnectionConfig connection) {
        return switch (status) {
            case READY ->
                new JobOutcome.ReadyToFinalize(
                        TargetResults.done(
                                connection,
                                Operation.SOURCE_INGEST,
                                partial.map(why -> "partial fetch (" + why + "); nothing deleted")
                                        .orElse(null)),
                        List.copyOf(connection.semanticLayerTargets()));
            case UNCHANGED ->
                new JobOutcome.Unchanged(TargetResults.done(connection, Operation.SOURCE_INGEST, "unchanged"));
            case FAILED ->
                new JobOutcome.Failed(TargetResults.failed(connection, Operation.SOURCE_INGEST, error().orElseThrow()));
        };
    }

    /** The failure text users see, when FAILED. */
    public Optional<String> error() {
        return failure.map(SessionFailure::error);
    }
}
