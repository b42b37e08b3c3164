package dev.ktx.ingest.bench;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A synthetic context repo: wiki pages that link to each other, plus {@code ktx.yaml}. */
final class BenchRepo {

    private BenchRepo() {
    }

    static void create(Path dir, int files) {
        Changeset.Builder content = Changeset.builder()
                .write("ktx.yaml", "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n");
        for (int i = 0; i < files - 1; i++) {
            content.write("wiki/global/page-" + i + ".md", page("page-" + i, "page-" + ((i + 1) % (files - 1))));
        }
        LocalContextRepository.initBare(dir, content.build(), "bench context").close();
    }

    static String page(String key, String ref) {
        return "---\nsummary: About " + key + "\nrefs:\n- " + ref + "\n---\n\nSee [[" + ref + "]].\n";
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
