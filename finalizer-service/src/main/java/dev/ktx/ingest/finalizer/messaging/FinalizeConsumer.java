package dev.ktx.ingest.finalizer.messaging;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.finalizer.window.SessionFinalizer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Clock;

/**
 * Consumes {@code finalize.requests} and publishes each decided target's result on {@code ingest.results} (and, for
 * a parked session, the {@code target_parked} fact on {@code ingest.stages}); the offset is committed only after
 * that was published. Requests are keyed by session, not by project, so finalizer replicas share the work; the
 * project lock keeps one window per project at a time and the compare-and-swap on {@code main} keeps it correct
 * whatever order the windows run in.
 */
@ApplicationScoped
public class FinalizeConsumer {

    private final SessionFinalizer finalizer;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> stages;
    private final Clock clock = Clock.systemUTC();

    public FinalizeConsumer(SessionFinalizer finalizer,
                            @Channel("results-out") Emitter<Record<String, String>> results,
                            @Channel("stages-out") Emitter<Record<String, String>> stages) {
        this.finalizer = finalizer;
        this.results = results;
        this.stages = stages;
    }

    @Incoming("finalize-requests")
    @Blocking
    public void finalizeRequest(String json) throws InterruptedException {
        FinalizeRequestMessage request = MessageCodec.read(json, FinalizeRequestMessage.class);
        SessionFinalizer.Finalized finalized = finalizer.finalizeRequest(request);
        for (TargetResult result : finalized.results()) {
            results.send(Record.of(request.runId(), MessageCodec.write(TargetResultMessage.of(request.runId(), result))))
                    .toCompletableFuture().join();
        }
        if (finalized.parked()) {
            stages.send(Record.of(request.runId(), MessageCodec.write(
                    StageEventMessage.targetParked(request.runId(), request.connectionId(), clock.instant()))))
                    .toCompletableFuture().join();
        }
    }
}
