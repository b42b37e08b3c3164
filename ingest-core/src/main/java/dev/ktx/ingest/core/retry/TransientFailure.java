package dev.ktx.ingest.core.retry;

/**
 * Marks an exception as transient when its type alone does not say so, e.g. a JDBC connect failure reported
 * without its {@code SQLException}, or an HTTP 5xx of a source API.
 */
public interface TransientFailure {
}
