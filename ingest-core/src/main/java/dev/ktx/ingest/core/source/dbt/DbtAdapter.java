package dev.ktx.ingest.core.source.dbt;

import dev.ktx.ingest.core.config.DbtConnection;
import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.WorkUnit;

import java.io.IOException;
import java.util.List;

/**
 * The {@code driver: dbt} source: a dbt project directory becomes overlays on the target connection's manifest
 * (models) and wiki pages (docs blocks). Two work units, {@code docs} and {@code models}.
 */
public final class DbtAdapter implements SourceAdapter {

    /** {@code raw-sources/<conn>/dbt/<syncId>/} holds the project files with their project-relative paths. */
    public static final String SOURCE_KEY = "dbt";

    @Override
    public String sourceKey() {
        return SOURCE_KEY;
    }

    /** A local read is complete, so the snapshot is authoritative. */
    @Override
    public RawSnapshot fetch(SourceContext context) throws IOException {
        DbtConnection connection = dbtConnection(context);
        if (connection.project() instanceof DbtProject.LocalDir local) {
            return RawSnapshot.complete(DbtProjectFiles.read(local.sourceDir()));
        }
        throw new UnsupportedOperationException("dbt projects from a git repository (repo_url) are not supported yet;"
                + " use source_dir");
    }

    @Override
    public List<WorkUnit> plan(StagedSnapshot snapshot, SourceContext context, RepoTree base) {
        DbtDefinitions definitions = DbtDefinitions.read(snapshot);
        return List.of(new DocsPagesUnit(definitions.docs(), context.connectionId()),
                new ModelOverlaysUnit(definitions.models(), dbtConnection(context).targetConnection()));
    }

    private static DbtConnection dbtConnection(SourceContext context) {
        if (context.connection() instanceof DbtConnection dbt) {
            return dbt;
        }
        throw new IllegalArgumentException("connection " + context.connectionId() + " is not a dbt connection");
    }
}
