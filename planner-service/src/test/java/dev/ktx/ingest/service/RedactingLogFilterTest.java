package dev.ktx.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

/** The services' {@code ktx-redact} log filter (it lives in service-support, which has no tests of its own). */
class RedactingLogFilterTest {

    private final RedactingLogFilter filter = new RedactingLogFilter();

    @Test
    void masksUrlCredentialsInTheFormattedMessageAndKeepsTheLine() {
        ExtLogRecord record = new ExtLogRecord(
                Level.WARN,
                "cannot reach %s (attempt %d)",
                ExtLogRecord.FormatStyle.PRINTF,
                RedactingLogFilterTest.class.getName());
        record.setParameters(new Object[] {"postgresql://ktx:s3cret@db/acme?sslpassword=s3cret2", 2});

        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage())
                .isEqualTo("cannot reach postgresql://***@db/acme?sslpassword=*** (attempt 2)");
    }

    @Test
    void leavesOtherLinesAsTheyAre() {
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO,
                "run {0} started",
                ExtLogRecord.FormatStyle.MESSAGE_FORMAT,
                RedactingLogFilterTest.class.getName());
        record.setParameters(new Object[] {"r-1"});

        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage()).isEqualTo("run r-1 started");
        assertThat(record.getParameters()).containsExactly("r-1");
    }
}
