package dev.ktx.ingest.core.window;

import java.time.Duration;

/**
 * @param lockWait          how long to wait for the project lock before giving the request back
 * @param maxSquashAttempts refresh → gates → squash attempts when the compare-and-swap on main loses
 */
public record FinalWindowSettings(Duration lockWait, int maxSquashAttempts) {

    public static final FinalWindowSettings DEFAULTS = new FinalWindowSettings(Duration.ofMinutes(2), 5);

    public FinalWindowSettings {
        if (maxSquashAttempts < 1) {
            throw new IllegalArgumentException("maxSquashAttempts must be at least 1");
        }
    }
}
