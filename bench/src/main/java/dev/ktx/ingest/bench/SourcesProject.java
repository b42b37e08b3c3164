package dev.ktx.ingest.bench;

import dev.ktx.ingest.testinfra.PostgresEndpoint;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A generated project: the database target {@code warehouse} (its URL in {@code WAREHOUSE_URL}) and N Notion
 * sources {@code src_00 …} of unequal sizes, each a snapshot directory with one page per 100 ms of its size. The
 * sizes run from {@link #SMALLEST} to {@link #LARGEST}, spread evenly and shuffled by a fixed stride so that plan
 * order is not size order. A Notion page ingests in a few milliseconds, so the source worker pads each job to its
 * size ({@link #jobPadding()}, {@code ktx.source-ingest.min-job-duration-by-connection}): the duration of each
 * target is known and its pause does not compete for the machine's two cores.
 */
final class SourcesProject {

    private static final Duration SMALLEST = Duration.ofMillis(200);
    private static final Duration LARGEST = Duration.ofMillis(3000);
    private static final int PAGE_PER_MILLIS = 100;
    private static final PersonIdent AUTHOR = new PersonIdent("ktx-bench", "bench@localhost");

    private final Path dir;
    private final Map<String, Duration> sizes;

    private SourcesProject(Path dir, Map<String, Duration> sizes) {
        this.dir = dir;
        this.sizes = sizes;
    }

    static SourcesProject create(Path parent, int sources) throws IOException, GitAPIException {
        Map<String, Duration> sizes = new LinkedHashMap<>();
        int stride = 5;
        while (BigInteger.valueOf(stride).gcd(BigInteger.valueOf(sources)).intValue() != 1) {
            stride++;
        }
        for (int i = 0; i < sources; i++) {
            int rank = (i * stride) % sources;
            long millis =
                    SMALLEST.toMillis() + (LARGEST.toMillis() - SMALLEST.toMillis()) * rank / Math.max(1, sources - 1);
            sizes.put(String.format("src_%02d", i), Duration.ofMillis(millis));
        }
        Path dir = Files.createDirectories(parent.resolve("makespan-" + sources));
        SourcesProject project = new SourcesProject(dir, sizes);
        for (Map.Entry<String, Duration> source : sizes.entrySet()) {
            writeSnapshot(dir.resolve("snapshots").resolve(source.getKey()), source.getKey(), (int)
                    Math.max(1, source.getValue().toMillis() / PAGE_PER_MILLIS));
        }
        Files.writeString(dir.resolve("ktx.yaml"), project.ktxYaml(1));
        try (Git git =
                Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit()
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setMessage("generated bench project")
                    .call();
        }
        return project;
    }

    Path dir() {
        return dir;
    }

    List<String> sources() {
        return new ArrayList<>(sizes.keySet());
    }

    /** How the sources are sized, for a bench's first line: {@code 12 sources of 200–3000 ms (Σ 19600 ms)}. */
    String describe() {
        return String.format(
                "%d sources of %d–%d ms (Σ %d ms)",
                sizes.size(),
                SMALLEST.toMillis(),
                LARGEST.toMillis(),
                sizes.values().stream().mapToLong(Duration::toMillis).sum());
    }

    /**
     * The settings of a bench stack for this project: the warehouse, {@code slots} jobs at once per source worker,
     * each source job padded to its source's size.
     */
    Map<String, String> stackSettings(PostgresEndpoint warehouse, int slots) {
        return Map.of(
                "WAREHOUSE_URL",
                warehouse.jdbcUrl(),
                "KTX_SOURCE_CONCURRENCY",
                Integer.toString(slots),
                "KTX_SOURCE_INGEST_MIN_JOB_DURATION_BY_CONNECTION",
                jobPadding());
    }

    /** The value of {@code KTX_SOURCE_INGEST_MIN_JOB_DURATION_BY_CONNECTION} that gives each source its size. */
    private String jobPadding() {
        return sizes.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().toMillis() + "ms")
                .collect(Collectors.joining(","));
    }

    /** Commits {@code ingest.sources.maxConcurrency} = {@code cap} on {@code main}. */
    void setMaxConcurrency(int cap) throws IOException, GitAPIException {
        Files.writeString(dir.resolve("ktx.yaml"), ktxYaml(cap));
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern("ktx.yaml").call();
            git.commit()
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setMessage("maxConcurrency " + cap)
                    .call();
        }
    }

    private String ktxYaml(int cap) {
        StringBuilder yaml =
                new StringBuilder("connections:\n  warehouse:\n    driver: postgres\n    url: env:WAREHOUSE_URL\n");
        for (String source : sizes.keySet()) {
            yaml.append("  ")
                    .append(source)
                    .append(":\n    driver: notion\n    snapshot_dir: ./snapshots/")
                    .append(source)
                    .append('\n');
        }
        return yaml.append("ingest:\n  sources:\n    maxConcurrency: ")
                .append(cap)
                .append('\n')
                .toString();
    }

    /** {@code pages/<id>/page.json} + {@code blocks.json} per page. */
    private static void writeSnapshot(Path snapshot, String source, int pages) throws IOException {
        for (int p = 0; p < pages; p++) {
            writePage(snapshot, source, p, "first version");
        }
    }

    /** Rewrites the first page of every source with {@code label} in its text and commits: every source has work. */
    void changeSnapshots(String label) throws IOException, GitAPIException {
        for (String source : sizes.keySet()) {
            writePage(dir.resolve("snapshots").resolve(source), source, 0, label);
        }
        try (Git git = Git.open(dir.toFile())) {
            git.add().addFilepattern("snapshots").call();
            git.commit()
                    .setAuthor(AUTHOR)
                    .setCommitter(AUTHOR)
                    .setMessage("snapshots: " + label)
                    .call();
        }
    }

    /** Plain paragraphs, titles unique across the project (each becomes its own wiki page). */
    private static void writePage(Path snapshot, String source, int p, String label) throws IOException {
        String id = UUID.nameUUIDFromBytes((source + "/" + p).getBytes()).toString();
        Path page = Files.createDirectories(snapshot.resolve("pages").resolve(id));
        String title = "Bench note " + source + " " + p;
        Files.writeString(page.resolve("page.json"), """
                {"object": "page", "id": "%s", "created_time": "2026-01-01T00:00:00.000Z",
                 "last_edited_time": "2026-01-02T00:00:00.000Z", "parent": {"type": "workspace", "workspace": true},
                 "archived": false, "in_trash": false,
                 "properties": {"title": {"id": "title", "type": "title", "title": [%s]}}}
                """.formatted(id, richText(title)));
        StringBuilder blocks = new StringBuilder("[");
        for (int b = 0; b < 5; b++) {
            blocks.append(b == 0 ? "" : ",").append("""
                    {"object": "block", "id": "%s", "type": "paragraph", "has_children": false,
                     "paragraph": {"rich_text": [%s]}}""".formatted(
                            UUID.nameUUIDFromBytes((id + "/" + b).getBytes()),
                            richText("Paragraph " + b + " of " + title + " (" + label + ").")));
        }
        Files.writeString(page.resolve("blocks.json"), blocks.append("]\n").toString());
    }

    private static String richText(String text) {
        return "{\"type\": \"text\", \"text\": {\"content\": \"%s\", \"link\": null}, \"plain_text\": \"%s\"}"
                .formatted(text, text);
    }
}
