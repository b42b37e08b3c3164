package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.config.DbtConnection;
import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.WorkUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code driver: dbt} source: a dbt project directory ({@code source_dir}, or {@code path} in a clone of
 * {@code repo_url} kept by {@link DbtRepoCache}) becomes overlays on the target connection's manifest (models,
 * sources, MetricFlow semantics) and wiki pages (docs blocks). Two work units, {@code docs} and {@code models}.
 */
public final class DbtAdapter implements SourceAdapter {

    /** {@code raw-sources/<conn>/dbt/<syncId>/} holds the project files with their project-relative paths. */
    public static final String SOURCE_KEY = "dbt";

    private final DbtRepoCache repoCache;

    /** Clones of {@code repo_url} projects go to {@link #defaultCacheDir()}. */
    public DbtAdapter() {
        this(defaultCacheDir());
    }

    /** @param cacheDir where clones of {@code repo_url} projects are kept between runs, one directory each */
    public DbtAdapter(Path cacheDir) {
        this.repoCache = new DbtRepoCache(cacheDir);
    }

    /** {@code <java.io.tmpdir>/ktx-cache/dbt}: a lost cache only costs one full clone. */
    public static Path defaultCacheDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "ktx-cache", "dbt");
    }

    @Override
    public String sourceKey() {
        return SOURCE_KEY;
    }

    /**
     * A local read is complete, so the snapshot is authoritative. A git project is read from its up-to-date clone the
     * same way as a {@code source_dir}.
     */
    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException {
        DbtProject project =
                context.connectionAs(DbtConnection.class, SOURCE_KEY).project();
        if (project instanceof DbtProject.GitRepo repo) {
            return RawSnapshot.complete(repoCache.withCheckout(
                    repo,
                    repo.token().map(token -> token.resolve(context.secrets())),
                    workTree -> DbtProjectFiles.read(projectDir(workTree, repo), location(repo))));
        }
        return RawSnapshot.complete(DbtProjectFiles.read(((DbtProject.LocalDir) project).sourceDir()));
    }

    /** {@code path} is relative without {@code ..} (config validation); a symbolic link could still lead out. */
    private static Path projectDir(Path workTree, DbtProject.GitRepo repo) throws IOException {
        Path dir = workTree.resolve(repo.path()).normalize();
        if (Files.exists(dir) && !dir.toRealPath().startsWith(workTree.toRealPath())) {
            throw new DbtProjectException(location(repo) + " leads out of the repository");
        }
        return dir;
    }

    private static String location(DbtProject.GitRepo repo) {
        return "path " + repo.path() + " of " + repo.repoUrl() + " (branch " + repo.branch() + ")";
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        DbtDefinitions definitions = DbtDefinitions.read(snapshot);
        return List.of(
                new DocsPagesUnit(definitions.docs(), context.connectionId()),
                new ModelOverlaysUnit(
                        definitions.models(),
                        context.connectionAs(DbtConnection.class, SOURCE_KEY).targetConnection()));
    }
}
