package dev.ktx.ingest.finalizer.messaging;

import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.finalizer.window.FinalizerSettings;
import dev.ktx.ingest.finalizer.window.SessionFinalizer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;

/**
 * Consumes {@code finalize.requests} and publishes each target's result on {@code ingest.results}; the offset is
 * committed only after the result (or the deferred request) was published. Requests are keyed by session, not by
 * project, so finalizer replicas share the work; the project lock keeps one window per project at a time and the
 * compare-and-swap on {@code main} keeps it correct whatever order the windows run in.
 */
@ApplicationScoped
public class FinalizeConsumer {

    private final SessionFinalizer finalizer;
    private final FinalizerSettings settings;
    private final Emitter<Record<String, String>> results;
    private final Emitter<Record<String, String>> deferred;

    public FinalizeConsumer(SessionFinalizer finalizer, FinalizerSettings settings,
                            @Channel("results-out") Emitter<Record<String, String>> results,
                            @Channel("finalize-retry") Emitter<Record<String, String>> deferred) {
        this.finalizer = finalizer;
        this.settings = settings;
        this.results = results;
        this.deferred = deferred;
    }

    @Incoming("finalize-requests")
    @Blocking
    public void finalizeRequest(String json) throws InterruptedException {
        FinalizeRequestMessage request = MessageCodec.read(json, FinalizeRequestMessage.class);
        Optional<TargetResult> result = finalizer.finalizeSession(request);
        if (result.isPresent()) {
            results.send(Record.of(request.runId(), MessageCodec.write(TargetResultMessage.of(request.runId(), result.get()))))
                    .toCompletableFuture().join();
            return;
        }
        // Back to the end of the queue, behind the sessions that may land what this one refers to.
        Thread.sleep(settings.deferralDelay().toMillis());
        deferred.send(Record.of(request.runId() + "/" + request.connectionId(), MessageCodec.write(request.deferred())))
                .toCompletableFuture().join();
    }
}
