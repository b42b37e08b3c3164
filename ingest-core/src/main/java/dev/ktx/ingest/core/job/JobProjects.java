package dev.ktx.ingest.core.job;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.messaging.ProjectRef;
import java.nio.file.Path;

/** The projects a worker can open: the context repo and its {@code ktx.yaml} at a commit. */
public interface JobProjects {

    ContextRepository repository(ProjectRef project);

    KtxConfig config(ProjectRef project, String commit);

    /** The directory the relative paths of the project's {@code ktx.yaml} at {@code commit} resolve against. */
    Path directory(ProjectRef project, String commit);
}
