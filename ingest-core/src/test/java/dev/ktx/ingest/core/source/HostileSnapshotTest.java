package dev.ktx.ingest.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.config.IngestSettings;
import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.input.InputFiles;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.window.ReconciliationRefresh;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile snapshot files (Notion/Metabase layout; docs/hostile-input.md) read the way every snapshot adapter reads
 * them ({@link SnapshotDirectory}, {@link RawJson}) inside a real source run: the target fails with a result naming
 * the file, a sentinel is left, {@code main} is untouched, and nothing is thrown for the job to be redelivered.
 */
class HostileSnapshotTest {

    private static final long CAP = InputFiles.DEFAULT_MAX_BYTES;

    @TempDir
    Path dir;

    /** A file of the snapshot: its relative path and how to write it. */
    interface SnapshotFile {
        void write(Path file) throws IOException;
    }

    static Stream<Arguments> hostileSnapshots() {
        return Stream.of(
                Arguments.of(
                        "Notion page not UTF-8",
                        "pages/p1/page.json",
                        (SnapshotFile)
                                f -> Files.write(f, "{\"title\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1)),
                        "pages/p1/page.json: not UTF-8 text (invalid byte at offset 13)"),
                Arguments.of(
                        "Metabase card above the size cap",
                        "cards/1.json",
                        (SnapshotFile) f -> {
                            try (RandomAccessFile file = new RandomAccessFile(f.toFile(), "rw")) {
                                file.setLength(CAP + 1);
                            }
                        },
                        "cards/1.json: " + (CAP + 1) + " bytes, above the input file cap of " + CAP
                                + " bytes (KTX_MAX_INPUT_FILE_BYTES)"),
                Arguments.of(
                        "Metabase card nested 5000 deep",
                        "cards/2.json",
                        (SnapshotFile) f -> Files.writeString(f, "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                        "cards/2.json: invalid JSON: Document nesting depth"),
                Arguments.of(
                        "Metabase card truncated",
                        "cards/3.json",
                        (SnapshotFile) f -> Files.writeString(f, "{\"id\": 3, \"name\": "),
                        "cards/3.json: invalid JSON: Unexpected end-of-input"),
                Arguments.of(
                        "Metabase database file empty",
                        "databases/2.json",
                        (SnapshotFile) f -> Files.writeString(f, ""),
                        "databases/2.json: invalid JSON: empty file"),
                Arguments.of(
                        "Notion blocks not an object",
                        "pages/p2/page.json",
                        (SnapshotFile) f -> Files.writeString(f, "[1, 2]"),
                        "pages/p2/page.json: expected a JSON object"),
                Arguments.of(
                        "Notion page with a NUL-laden binary",
                        "pages/p3/page.json",
                        (SnapshotFile) f -> Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0}),
                        "pages/p3/page.json: not UTF-8 text (invalid byte at offset 0)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileSnapshots")
    void failsTheTargetNamingTheFileAndLeavesMainAlone(String label, String path, SnapshotFile content, String error)
            throws Exception {
        Path snapshot = Files.createDirectories(dir.resolve("snapshot"));
        Path file = snapshot.resolve(path);
        Files.createDirectories(file.getParent());
        content.write(file);
        try (LocalContextRepository repo = SourceRepo.create(dir.resolve("context.git"), "accounts")) {
            String main = repo.mainHead().orElseThrow();
            SessionId session = new SessionId("run-1", "docs");
            repo.openSession(session);
            ReconciliationRefresh refresh = new ReconciliationRefresh(
                    repo, new InProcessProjectLock(), event -> {}, Clock.systemUTC(), Duration.ofSeconds(5));

            SourceRunResult result = new SourceRun(repo, refresh, event -> {}, Clock.systemUTC(), 1)
                    .run("acme", session, new SnapshotReader(snapshot), context(snapshot), "job-1");

            assertThat(result.error()).get().asString().contains(error);
            assertThat(repo.sentinel(session)).isPresent();
            assertThat(repo.mainHead()).contains(main);
        }
    }

    private static SourceContext context(Path snapshot) {
        NotionConnection connection = new NotionConnection(
                "docs",
                NotionConnection.DEFAULT_API_URL,
                Optional.empty(),
                List.of(),
                NotionConnection.CrawlMode.SEARCH,
                OptionalInt.empty(),
                Optional.of(snapshot));
        KtxConfig config = new KtxConfig(new TreeMap<>(Map.of("docs", connection)), IngestSettings.DEFAULTS);
        return new SourceContext("run-1", connection, config, snapshot.getParent(), name -> null);
    }

    /** Reads a snapshot like the Notion and Metabase adapters do: every JSON file, each an object. */
    private record SnapshotReader(Path snapshot) implements SourceAdapter {

        @Override
        public String sourceKey() {
            return "snapshot";
        }

        @Override
        public RawSnapshot fetch(SourceContext context) throws IOException {
            return SnapshotDirectory.fetch(
                    snapshot, path -> path.endsWith(".json"), files -> files.forEach(RawJson::parseObject));
        }

        @Override
        public List<WorkUnit> plan(StagedSnapshot staged, SourceContext context, RepoTree base) {
            return List.of();
        }
    }
}
