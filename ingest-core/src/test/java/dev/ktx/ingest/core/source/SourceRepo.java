package dev.ktx.ingest.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.git.SquashResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

/** Test fixture: a bare context repo whose {@code main} has a warehouse manifest, plus helpers to move {@code main}. */
public final class SourceRepo {

    public static final String SHARD = "semantic-layer/warehouse/_schema/public.yaml";

    private SourceRepo() {}

    public static LocalContextRepository create(Path dir, String... tables) {
        return LocalContextRepository.initBare(
                dir,
                Changeset.builder()
                        .write("ktx.yaml", "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n")
                        .write(SHARD, shard(tables))
                        .build(),
                "initial context");
    }

    /** A shard of {@code public} with the given tables, each with the columns {@code id} and {@code name}. */
    public static String shard(String... tables) {
        StringBuilder text = new StringBuilder("tables:\n");
        for (String table : tables) {
            text.append("  ")
                    .append(table)
                    .append(":\n    table: acme.public.")
                    .append(table)
                    .append('\n')
                    .append("    columns:\n      - {name: id, type: bigint}\n      - {name: name, type: text}\n");
        }
        return text.toString();
    }

    /** Lands a changeset on {@code main} the way the finalizer does: through a session and a squash. */
    public static void advanceMain(LocalContextRepository repo, String label, Changeset changes) {
        SessionId writer = new SessionId("main-writer-" + label, "other");
        repo.openSession(writer);
        repo.commit(writer, changes, "other writer: " + label);
        SquashResult result = repo.squash(
                writer,
                repo.mainHead().orElseThrow(),
                new SquashMetadata("other writer: " + label, OptionalLong.empty()));
        assertThat(result.status()).isEqualTo(SquashResult.Status.MERGED);
    }

    public static void advanceMain(LocalContextRepository repo, String label, Map<String, String> writes) {
        Changeset.Builder changes = Changeset.builder();
        writes.forEach(changes::write);
        advanceMain(repo, label, changes.build());
    }
}
