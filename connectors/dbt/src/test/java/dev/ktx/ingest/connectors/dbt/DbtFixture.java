package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.config.DbtConnection;
import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.source.RawSnapshot;
import dev.ktx.ingest.core.source.SourceContext;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Runs the dbt adapter's fetch, plan and units directly (no git), for exact-output tests. */
final class DbtFixture {

    static final String CONN = "analytics_dbt";
    static final SyncId SYNC = new SyncId(Instant.parse("2026-01-15T10:00:00Z"), "job-1");

    private DbtFixture() {}

    static SourceContext context(DbtProject project) {
        return context(project, name -> null);
    }

    static SourceContext context(DbtProject project, SecretResolver secrets) {
        DbtConnection connection = new DbtConnection(CONN, project, "warehouse");
        return new SourceContext(
                "run-1",
                connection,
                new KtxConfig(new TreeMap<>(Map.of(CONN, connection)), IngestSettings.DEFAULTS),
                Path.of("."),
                secrets);
    }

    static SourceContext context(Path projectDir) {
        return context(new DbtProject.LocalDir(projectDir));
    }

    static StagedSnapshot stage(Path projectDir) throws IOException {
        return stage(new DbtAdapter().fetch(context(projectDir)));
    }

    static StagedSnapshot stage(RawSnapshot raw) {
        return new StagedSnapshot(CONN, DbtAdapter.SOURCE_KEY, SYNC, raw.files(), raw.authoritative());
    }

    /** Every unit's output by unit id. */
    static Map<String, UnitOutput> run(Path projectDir, RepoTree base) throws IOException {
        StagedSnapshot snapshot = stage(projectDir);
        Map<String, UnitOutput> outputs = new TreeMap<>();
        for (WorkUnit unit : new DbtAdapter().plan(snapshot, context(projectDir), base)) {
            outputs.put(unit.id(), unit.run(snapshot, base));
        }
        return outputs;
    }

    /** Writes {@code files} (project-relative path → text) below {@code dir}. */
    static Path project(Path dir, Map<String, String> files) {
        files.forEach((path, text) -> {
            try {
                Path file = dir.resolve(path);
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return dir;
    }

    static String text(UnitOutput output, String path) {
        byte[] content = output.writes().get(path);
        if (content == null) {
            throw new AssertionError(
                    "not written: " + path + "; written: " + output.writes().keySet());
        }
        return new String(content, StandardCharsets.UTF_8);
    }
}
