package dev.ktx.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The forms themselves are tested in ingest-core's {@code DurationsTest}; here, what picocli gets. */
class DurationConverterTest {

    @Test
    void convertsWhatDurationsReads() {
        assertThat(new DurationConverter().convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aBadValueIsATypeConversionErrorNamingIt() {
        assertThatThrownBy(() -> DurationConverter.parse("7x"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("'7x' is not a duration");
    }
}
