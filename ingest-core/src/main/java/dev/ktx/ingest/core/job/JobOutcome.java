package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.plan.TargetResult;
import java.util.List;

/** How a worker's job for one target ended. */
public sealed interface JobOutcome {

    TargetResult result();

    /** Nothing to write (input the same as on {@code main}): the session is dropped and the result published as is. */
    record Unchanged(TargetResult result) implements JobOutcome {}

    /** The session holds the work: hand it to the finalizer, which publishes the result after the final window. */
    record ReadyToFinalize(TargetResult result, List<String> allowedSlConnections) implements JobOutcome {}

    /** The job failed before the final window; the result carries the failed step and its detail. */
    record Failed(TargetResult result) implements JobOutcome {}
}
