package dev.ktx.ingest.cli.sessions;

import dev.ktx.ingest.cli.DurationConverter;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;

/**
 * {@code --orphans-older-than}: a session without a sentinel whose run started longer ago than this is orphaned
 * (its worker was killed before it could write one). The default is above the default {@code ingest.runTimeout}
 * (2h), so that no session of a run that may still be going is taken for an orphan.
 */
public final class OrphanAgeOption {

    @Option(
            names = "--orphans-older-than",
            paramLabel = "DURATION",
            defaultValue = "3h",
            converter = DurationConverter.class,
            description = "Age (since its run started) from which a session without a sentinel is orphaned "
                    + "(default: ${DEFAULT-VALUE}).")
    private Duration orphansOlderThan;

    /** Sessions of runs started before this instant are orphans. */
    Instant cutoff(Instant now) {
        return now.minus(orphansOlderThan);
    }
}
