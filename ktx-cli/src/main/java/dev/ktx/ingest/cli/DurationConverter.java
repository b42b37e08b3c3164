package dev.ktx.ingest.cli;

import dev.ktx.ingest.core.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Durations as {@link Durations} reads them ({@code 7d}, {@code 30m}, {@code 1h30m}, ISO-8601), for picocli options. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
