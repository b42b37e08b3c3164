package dev.ktx.ingest.worker;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.trace.TargetTracer;

/** What a worker's job body gets: the job, the project's repo and config, the opened session and a tracer. */
public record TargetJob(TargetJobMessage message, ContextRepository repo, KtxConfig config, ConnectionConfig connection,
                        SessionId session, String baseCommit, TargetTracer tracer) {
}
