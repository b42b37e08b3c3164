package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;

/** Where a job's outcome goes. Each call returns once the message is durable, and throws when it could not be sent. */
public interface JobPublisher {

    void finalizeRequest(FinalizeRequestMessage request);

    void result(TargetResultMessage result);
}
