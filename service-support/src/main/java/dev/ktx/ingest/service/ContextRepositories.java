package dev.ktx.ingest.service;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.git.CommitExport;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.job.JobProjects;
import dev.ktx.ingest.core.messaging.ProjectRef;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens each project's context repo once per process (on its local path, or mirrored from its remote) and reads its
 * {@code ktx.yaml} at a given commit.
 */
@ApplicationScoped
public class ContextRepositories implements JobProjects {

    private static final String KTX_YAML = "ktx.yaml";

    private final Map<String, ContextRepository> open = new ConcurrentHashMap<>();
    private final KtxConfigLoader loader = new KtxConfigLoader();
    private final RemoteAccess remotes;

    public ContextRepositories(RemoteAccess remotes) {
        this.remotes = remotes;
    }

    @Override
    public ContextRepository repository(ProjectRef project) {
        return open.computeIfAbsent(
                project.location() + "#" + project.mainBranch(),
                key -> project.isRemote()
                        ? remotes.open(project)
                        : LocalContextRepository.open(Path.of(project.projectDir()), project.mainBranch()));
    }

    /** The project's configuration as committed at {@code commit}; invalid config → {@code ConfigException}. */
    @Override
    public KtxConfig config(ProjectRef project, String commit) {
        String yaml = repository(project)
                .tree(commit)
                .readText(KTX_YAML)
                .orElseThrow(() -> new IllegalArgumentException(
                        "project " + project.projectId() + " has no " + KTX_YAML + " at " + commit));
        return loader.parse(yaml, directory(project, commit));
    }

    /**
     * The directory relative paths of the project's {@code ktx.yaml} resolve against: the project directory, or for
     * a remote project the inputs of {@code commit} written to this service's cache.
     */
    @Override
    public Path directory(ProjectRef project, String commit) {
        if (!project.isRemote()) {
            return Path.of(project.projectDir());
        }
        ContextRepository repo = repository(project);
        return CommitExport.ensure(
                repo.tree(commit),
                remotes.cache().resolve("inputs").resolve(repo.identity()).resolve(commit));
    }

    /** The projects this process has opened, by location and branch. */
    Map<String, ContextRepository> opened() {
        return Map.copyOf(open);
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(ContextRepository::close);
        open.clear();
    }
}
