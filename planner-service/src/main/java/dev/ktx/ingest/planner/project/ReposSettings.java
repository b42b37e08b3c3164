package dev.ktx.ingest.planner.project;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** {@code ktx.repos.*} (docs/configuration.md). */
@ConfigMapping(prefix = "ktx.repos")
public interface ReposSettings {

    /** The directory every project must resolve inside; absent: the planner's working directory. */
    Optional<String> root();
}
