package dev.ktx.ingest.core.trace;

/** Where trace events go: a JSONL file, a Kafka topic, a test's list. Must be thread-safe. */
@FunctionalInterface
public interface TraceSink {

    void emit(TraceEvent event);
}
