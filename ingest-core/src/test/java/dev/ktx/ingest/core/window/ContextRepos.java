package dev.ktx.ingest.core.window;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test fixture: a bare context repo whose {@code main} holds {@code ktx.yaml} plus the given files. */
final class ContextRepos {

    static final String KTX_YAML = "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n";

    private ContextRepos() {
    }

    static void initBare(Path dir, Map<String, String> files) throws Exception {
        Map<String, String> all = new TreeMap<>(files);
        all.put("ktx.yaml", KTX_YAML);
        try (Git git = Git.init().setBare(true).setInitialBranch("main").setDirectory(dir.toFile()).call();
             ObjectInserter inserter = git.getRepository().newObjectInserter()) {
            Repository repo = git.getRepository();
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> file : all.entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            CommitBuilder commit = new CommitBuilder();
            PersonIdent author = new PersonIdent("test", "test@localhost");
            commit.setAuthor(author);
            commit.setCommitter(author);
            commit.setTreeId(index.writeTree(inserter));
            commit.setMessage("initial context\n");
            ObjectId commitId = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef("refs/heads/main");
            update.setNewObjectId(commitId);
            update.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW) {
                throw new IllegalStateException("cannot create main: " + result);
            }
        }
    }

    static Map<String, String> page(String key, List<String> refs) {
        return Map.of("wiki/global/" + key + ".md", pageText(key, refs));
    }

    static String pageText(String key, List<String> refs) {
        StringBuilder text = new StringBuilder("---\nsummary: About ").append(key).append('\n');
        if (!refs.isEmpty()) {
            text.append("refs:\n");
            refs.forEach(ref -> text.append("- ").append(ref).append('\n'));
        }
        return text.append("---\n\nNotes on ").append(key).append(".\n").toString();
    }
}
