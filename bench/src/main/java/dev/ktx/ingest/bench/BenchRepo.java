package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.repo.ManifestCodec;
import dev.ktx.ingest.core.repo.ManifestColumn;
import dev.ktx.ingest.core.repo.ManifestEntry;
import dev.ktx.ingest.core.repo.ManifestShard;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.SlSource;
import dev.ktx.ingest.core.repo.SlSourceCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A synthetic context repo: {@code ktx.yaml}, a manifest shard of {@link #OVERLAYS} tables of connection
 * {@link #CONNECTION}, an overlay on each, and wiki pages that link to each other for the rest of the files.
 */
final class BenchRepo {

    static final String CONNECTION = "warehouse";
    static final int OVERLAYS = 100;

    private BenchRepo() {}

    static void create(Path dir, int files) {
        Changeset.Builder content = Changeset.builder()
                .write("ktx.yaml", "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n");
        SortedMap<String, ManifestEntry> tables = new TreeMap<>();
        List<ManifestColumn> columns = List.of(
                new ManifestColumn("id", "bigint", true, false, new TreeMap<>()),
                new ManifestColumn("amount", "numeric", false, true, new TreeMap<>()));
        for (int i = 0; i < OVERLAYS; i++) {
            tables.put(
                    table(i),
                    new ManifestEntry("analytics.public." + table(i), new TreeMap<>(), columns, List.of(), null));
            content.write(overlayPath(i), SlSourceCodec.write(overlay(new TreeMap<>(Map.of("db", "Table " + i)))));
        }
        content.write(RepoPaths.manifestShard(CONNECTION, "public"), ManifestCodec.write(new ManifestShard(tables)));
        int pages = files - 2 - OVERLAYS;
        for (int i = 0; i < pages; i++) {
            content.write("wiki/global/page-" + i + ".md", page("page-" + i, "page-" + ((i + 1) % pages)));
        }
        LocalContextRepository.initBare(dir, content.build(), "bench context").close();
    }

    static String page(String key, String ref) {
        return "---\nsummary: About " + key + "\nrefs:\n- " + ref + "\n---\n\nSee [[" + ref + "]].\n";
    }

    static String table(int index) {
        return "table_" + index;
    }

    static String overlayPath(int index) {
        return RepoPaths.slSource(CONNECTION, table(index));
    }

    static SlSource overlay(SortedMap<String, String> descriptions) {
        return new SlSource(
                null,
                null,
                List.of(),
                descriptions,
                List.of(),
                new TreeMap<>(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    /** Copies the repository at {@code from} to {@code to} file by file, so that both hold the same commits. */
    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
