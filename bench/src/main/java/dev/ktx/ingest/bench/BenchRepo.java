package dev.ktx.ingest.bench;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A synthetic context repo: wiki pages that link to each other, plus {@code ktx.yaml}. */
final class BenchRepo {

    private BenchRepo() {
    }

    static void create(Path dir, int files) throws Exception {
        Map<String, String> content = new TreeMap<>();
        content.put("ktx.yaml", "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n");
        for (int i = 0; i < files - 1; i++) {
            content.put("wiki/global/page-" + i + ".md", page("page-" + i, "page-" + ((i + 1) % (files - 1))));
        }
        try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> file : content.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            PersonIdent ident = new PersonIdent("bench", "bench@localhost");
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setTreeId(index.writeTree(inserter));
            commit.setMessage("bench context\n");
            RefUpdate update = git.getRepository().updateRef("refs/heads/main");
            update.setNewObjectId(inserter.insert(commit));
            inserter.flush();
            update.update();
        }
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
