package dev.ktx.ingest.core.retry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.redisson.client.RedisException;

/**
 * Which failures are worth another attempt (docs/services.md, "Worker jobs"): Redis errors, Kafka retriable errors
 * and timeouts, I/O errors (git, network), JDBC connection failures (SQLState class {@code 08}) and anything marked
 * {@link TransientFailure}. Every exception in the cause chain counts. Everything else is permanent: trying again
 * would fail the same way.
 */
public final class TransientFailures {

    /** Kafka's client is not on this module's class path; its retriable errors are recognised by name. */
    private static final Set<String> KAFKA_RETRIABLE = Set.of(
            "org.apache.kafka.common.errors.RetriableException", "org.apache.kafka.common.errors.TimeoutException");

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof TransientFailure
                || t instanceof RedisException
                || t instanceof IOException
                || t instanceof UncheckedIOException
                || t instanceof TimeoutException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        if (t instanceof SQLException sql
                && sql.getSQLState() != null
                && sql.getSQLState().startsWith("08")) {
            return true;
        }
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (KAFKA_RETRIABLE.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
