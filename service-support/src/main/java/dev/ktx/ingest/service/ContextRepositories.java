package dev.ktx.ingest.service;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.job.JobProjects;
import dev.ktx.ingest.core.messaging.ProjectRef;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Opens each project's context repo once per process and reads its {@code ktx.yaml} at a given commit. */
@ApplicationScoped
public class ContextRepositories implements JobProjects {

    private static final String KTX_YAML = "ktx.yaml";

    private final Map<String, LocalContextRepository> open = new ConcurrentHashMap<>();
    private final KtxConfigLoader loader = new KtxConfigLoader();

    @Override
    public ContextRepository repository(ProjectRef project) {
        return open.computeIfAbsent(project.projectDir(), dir -> LocalContextRepository.open(Path.of(dir)));
    }

    /** The project's configuration as committed at {@code commit}; invalid config → {@code ConfigException}. */
    @Override
    public KtxConfig config(ProjectRef project, String commit) {
        String yaml = repository(project).tree(commit).readText(KTX_YAML).orElseThrow(() ->
                new IllegalArgumentException("project " + project.projectId() + " has no " + KTX_YAML + " at " + commit));
        return loader.parse(yaml, Path.of(project.projectDir()));
    }

    /** The projects this process has opened, by project directory. */
    Map<String, LocalContextRepository> opened() {
        return Map.copyOf(open);
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(LocalContextRepository::close);
        open.clear();
    }
}
