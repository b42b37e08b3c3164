package dev.ktx.ingest.cli.dlq;

import picocli.CommandLine.Parameters;

/** {@code <topic>}, shared by the {@code ktx dlq} commands: the topic whose dead letters they read (docs/cli.md). */
public final class TopicParameter {

    @Parameters(
            paramLabel = "<topic>",
            description = "e.g. ingest.results, ktx.ingest.results or ktx.ingest.results.dlq")
    private String topic;

    /** As given, with or without the prefix and {@code .dlq}: the planner resolves it. */
    String value() {
        return topic;
    }
}
