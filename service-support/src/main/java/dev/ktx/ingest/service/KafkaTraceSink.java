package dev.ktx.ingest.service;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.core.trace.TraceSink;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes trace events on {@code ingest.traces} (channel {@link Channels#INGEST_TRACES_OUT}), keyed by run, and
 * logs them.
 */
@ApplicationScoped
public class KafkaTraceSink implements TraceSink {

    private static final Logger LOG = Logger.getLogger(KafkaTraceSink.class);

    private final Emitter<Record<String, String>> emitter;

    public KafkaTraceSink(@Channel(Channels.INGEST_TRACES_OUT) Emitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    @Override
    public void emit(TraceEvent event) {
        publish(event);
    }

    /** Publishes the event; completes when the broker took it (for events that carry an outcome). */
    public CompletionStage<Void> publish(TraceEvent event) {
        String line = TraceJson.toLine(event);
        LOG.debugf("trace %s", line);
        return emitter.send(Record.of(event.runId(), line));
    }
}
