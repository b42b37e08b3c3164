package dev.ktx.ingest.cli.stack;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/** One piece of the local stack: Kafka, Redis or a service. */
interface StackComponent {

    String name();

    /**
     * Makes sure the component serves: reuses it when it is given from outside or already running, else starts it
     * and waits until it is ready. Prints one line about what it did.
     *
     * @param endpoints what the components before it provide
     * @return {@code endpoints} with this component's own
     */
    StackEnv up(StackEnv endpoints, Duration timeout, PrintWriter out);

    ComponentStatus status(StackEnv endpoints);

    /** Stops the process the stack started, if any; returns its pid. */
    Optional<Long> down();
}
