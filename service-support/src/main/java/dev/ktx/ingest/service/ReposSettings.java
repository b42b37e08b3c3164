package dev.ktx.ingest.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code ktx.repos.*} and {@code ktx.git.*}: where context repositories may be (docs/configuration.md). */
@ConfigMapping(prefix = "ktx")
public interface ReposSettings {

    Repos repos();

    Git git();

    interface Repos {
        /** The directory every project on a local path must resolve inside; absent: the working directory. */
        Optional<String> root();

        /** URL prefixes a project's {@code repoUrl} must start with; none: projects on a remote are refused. */
        Optional<List<String>> remotes();

        /** This service's bare mirrors of remote projects, and the inputs of their commits. */
        @WithDefault("${java.io.tmpdir}/ktx-repos-cache/${quarkus.application.name:ktx}")
        Path cache();
    }

    interface Git {
        /** HTTP basic-auth user sent with the token. */
        @WithDefault("ktx")
        String user();

        /** The token (HTTP basic-auth password), or {@code file:<path>} of a file holding it. */
        Optional<String> token();

        /** Read timeout of one git request. */
        @WithDefault("60s")
        Duration timeout();
    }
}
