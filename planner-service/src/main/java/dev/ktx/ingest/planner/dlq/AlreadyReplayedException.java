package dev.ktx.ingest.planner.dlq;

import java.time.Instant;

/** A dead letter asked to be replayed again without {@code force}: it is left alone. */
public class AlreadyReplayedException extends RuntimeException {

    AlreadyReplayedException(DeadLetterId id, Instant replayedAt) {
        super(id + " was already replayed at " + replayedAt + "; replay it again with force (ktx dlq replay --force)");
    }
}
