package dev.ktx.ingest.service;

import dev.ktx.ingest.core.config.Redaction;
import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Masks URL credentials in every console log line of a service ({@code quarkus.log.console.filter=ktx-redact}), so a
 * library logging a connection URL cannot leak its password (docs/hostile-input.md). Stack traces are not rewritten.
 */
@LoggingFilter(name = "ktx-redact")
public final class RedactingLogFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record instanceof ExtLogRecord ext) {
            String message = ext.getFormattedMessage();
            String redacted = Redaction.urls(message);
            if (message != null && !message.equals(redacted)) {
                ext.setMessage(redacted, ExtLogRecord.FormatStyle.NO_FORMAT);
                ext.setParameters(null);
            }
        }
        return true;
    }
}
