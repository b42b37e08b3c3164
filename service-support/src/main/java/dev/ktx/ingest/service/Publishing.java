package dev.ktx.ingest.service;

import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.messaging.MessageCodec;
import io.smallrye.reactive.messaging.kafka.Record;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * The one way the services publish (docs/services.md, "Publishing"): a message as JSON under the key its topic asks
 * for, sent and then awaited until the broker acknowledged it, at most {@code timeout}, so that whatever follows
 * (an offset commit, a stored flag, an HTTP answer) happens only once the message is durable. A failure is logged
 * and thrown as a {@link PublishException} naming what could not be published.
 */
public final class Publishing {

    private static final Logger LOG = Logger.getLogger(Publishing.class);

    private final Duration timeout;

    public Publishing(Duration timeout) {
        this.timeout = timeout;
    }

    /** The key of a message about one session (a source job, a finalize request), so that sessions spread. */
    public static String sessionKey(String runId, String connectionId) {
        return runId + "/" + connectionId;
    }

    /** Sends {@code message} as JSON under {@code key}; completes once the broker took it. Await it with {@link #await}. */
    public static CompletionStage<Void> send(Emitter<Record<String, String>> emitter, String key, Object message) {
        return emitter.send(Record.of(key, MessageCodec.write(message)));
    }

    /**
     * Sends one message and waits for the broker's acknowledgement.
     *
     * @param what named in the exception, e.g. "the result of run-1/warehouse"
     * @throws PublishException naming {@code what} and the cause
     */
    public void publish(String what, Emitter<Record<String, String>> emitter, String key, Object message) {
        await(what, List.of(send(emitter, key, message)));
    }

    /**
     * Waits until the broker confirmed every send, at most the timeout for all of them.
     *
     * @param what named in the exception, e.g. "the database jobs"
     * @throws PublishException naming {@code what} and the cause
     */
    public void await(String what, List<? extends CompletionStage<Void>> sends) {
        try {
            CompletableFuture.allOf(sends.stream()
                            .map(CompletionStage::toCompletableFuture)
                            .toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw failed(new PublishException(
                    "could not publish " + what + ": " + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage()),
                    cause));
        } catch (TimeoutException e) {
            throw failed(new PublishException(
                    "could not publish " + what + ": the broker did not confirm within " + Durations.format(timeout),
                    e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(new PublishException("interrupted while publishing " + what, e));
        }
    }

    private static PublishException failed(PublishException failure) {
        LOG.warn(failure.getMessage(), failure.getCause());
        return failure;
    }
}
