package dev.ktx.ingest.source.messaging;

import dev.ktx.ingest.source.settings.SourceIngestSettings;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The minimum duration of a source job, from the fault-injection settings; zero in production. */
final class JobPadding {

    private final Duration everyJob;
    private final Map<String, Duration> byConnection = new HashMap<>();

    JobPadding(SourceIngestSettings settings) {
        this.everyJob = settings.minJobDuration();
        settings.minJobDurationByConnection().ifPresent(spec -> {
            for (String entry : spec.split(",")) {
                String[] pair = entry.strip().split("=", 2);
                if (pair.length != 2 || pair[0].isBlank()) {
                    throw new IllegalArgumentException("ktx.source-ingest.min-job-duration-by-connection: expected "
                            + "<connectionId>=<duration>, got '" + entry.strip() + "'");
                }
                byConnection.put(pair[0].strip(), DurationConverter.parseDuration(pair[1].strip()));
            }
        });
    }

    Duration of(String connectionId) {
        return byConnection.getOrDefault(connectionId, everyJob);
    }
}
