package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.core.trace.TargetTracer;
import dev.ktx.ingest.core.trace.TraceSink;

/**
 * What a worker's job body gets: the job, the project's repo and config, the session started from the {@code main}
 * head {@code baseCommit}, a tracer, and the sink to give to anything else that traces for this target (its events
 * set the phase that heartbeats report).
 */
public record TargetJob(
        TargetJobMessage message,
        ContextRepository repo,
        KtxConfig config,
        ConnectionConfig connection,
        SessionId session,
        String baseCommit,
        TargetTracer tracer,
        TraceSink traces) {}
