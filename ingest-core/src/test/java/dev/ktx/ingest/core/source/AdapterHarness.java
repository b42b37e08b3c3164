package dev.ktx.ingest.core.source;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.repo.ProvenanceCodec;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Runs an adapter the way a source run does, without git: fetch → stage → plan → every unit against the same base →
 * outputs in unit order. Fails when two units write the same path.
 */
public final class AdapterHarness {

    public static final SyncId SYNC_ID = SyncId.parse("2026-01-26-093000-job1");

    private AdapterHarness() {}

    public record Result(
            StagedSnapshot snapshot,
            List<String> unitIds,
            SortedMap<String, String> writes,
            List<ProvenanceRow> provenance) {

        public String text(String path) {
            String text = writes.get(path);
            if (text == null) {
                throw new AssertionError("not written: " + path + "; written: " + writes.keySet());
            }
            return text;
        }

        /** The staged raw files as text, for comparing snapshots. */
        public SortedMap<String, String> rawTexts() {
            SortedMap<String, String> texts = new TreeMap<>();
            snapshot.files().forEach((path, bytes) -> texts.put(path, new String(bytes, StandardCharsets.UTF_8)));
            return texts;
        }

        /** The session tree: the base plus the staged raw files, the writes and the provenance file. */
        public InMemoryRepoTree applyTo(InMemoryRepoTree base) {
            InMemoryRepoTree session = base.copy();
            snapshot.files().forEach((path, bytes) -> session.bytes(snapshot.rawRoot() + "/" + path, bytes));
            writes.forEach(session::file);
            session.file(
                    RepoPaths.provenance(
                            snapshot.connectionId(),
                            snapshot.sourceKey(),
                            snapshot.syncId().toString()),
                    ProvenanceCodec.write(provenance));
            return session;
        }
    }

    public static SourceContext context(ConnectionConfig connection, Path projectDir) {
        return context(connection, projectDir, name -> null);
    }

    public static SourceContext context(ConnectionConfig connection, Path projectDir, SecretResolver secrets) {
        KtxConfig config = new KtxConfig(new TreeMap<>(Map.of(connection.id(), connection)), IngestSettings.DEFAULTS);
        return new SourceContext("run-1", connection, config, projectDir, secrets);
    }

    public static Result run(SourceAdapter adapter, SourceContext context, RepoTree base)
            throws IOException, InterruptedException {
        RawSnapshot raw = adapter.fetch(context);
        StagedSnapshot staged = new StagedSnapshot(
                context.connectionId(), adapter.sourceKey(), SYNC_ID, raw.files(), raw.authoritative());
        List<WorkUnit> units = new ArrayList<>(adapter.plan(staged, context, base));
        units.sort(Comparator.comparing(WorkUnit::id));
        SortedMap<String, String> writes = new TreeMap<>();
        List<ProvenanceRow> provenance = new ArrayList<>();
        for (WorkUnit unit : units) {
            UnitOutput output = unit.run(staged, base);
            output.writes().forEach((path, bytes) -> {
                if (writes.put(path, new String(bytes, StandardCharsets.UTF_8)) != null) {
                    throw new AssertionError("two units write " + path);
                }
            });
            provenance.addAll(output.provenance());
        }
        return new Result(staged, units.stream().map(WorkUnit::id).toList(), writes, provenance);
    }
}
