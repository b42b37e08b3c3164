package dev.ktx.ingest.source.settings;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Source worker settings (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.source-ingest")
public interface SourceIngestSettings {

    /** Wait for the project lock when reading the main head before reconciliation. */
    @WithDefault("2m")
    Duration lockWait();

    /**
     * Fault-injection aid for tests and drills: every job takes at least this long. Shows that jobs running for
     * minutes neither trip consumer health nor cause rebalances. Zero in production.
     */
    @WithDefault("0s")
    Duration minJobDuration();

    /**
     * Fault-injection aid like {@link #minJobDuration()}, per connection: {@code <connectionId>=<duration>,...}
     * (e.g. {@code analytics_dbt=90s}) makes one source far slower than its peers.
     */
    Optional<String> minJobDurationByConnection();

    /**
     * Where clones of dbt {@code repo_url} projects are kept between jobs (one directory per repository and branch);
     * default {@code <java.io.tmpdir>/ktx-cache/dbt}. A persistent volume saves a full clone after a restart.
     */
    Optional<Path> cacheDir();

    /** Timeouts and retry limits of the live source APIs (Metabase, Notion); unset: the connectors' defaults. */
    Http http();

    interface Http {

        Optional<Duration> connectTimeout();

        /** From sending a request until its response headers arrive (the read timeout). */
        Optional<Duration> requestTimeout();

        /** Attempts of one request on 429, 5xx, timeouts and connection failures (back-off in between). */
        Optional<Integer> maxAttempts();
    }
}
