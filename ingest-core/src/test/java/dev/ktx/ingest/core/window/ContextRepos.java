package dev.ktx.ingest.core.window;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Test fixture: a bare context repo whose {@code main} holds {@code ktx.yaml} plus the given files. */
final class ContextRepos {

    static final String KTX_YAML = "connections:\n  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n";

    private ContextRepos() {}

    static void initBare(Path dir, Map<String, String> files) {
        Changeset.Builder content = Changeset.builder().write("ktx.yaml", KTX_YAML);
        files.forEach(content::write);
        LocalContextRepository.initBare(dir, content.build(), "initial context").close();
    }

    /** The single parent of {@code commit} in the repository at {@code dir}. */
    static String parentOf(Path dir, String commit) throws IOException {
        try (Repository repo = new FileRepositoryBuilder()
                        .setGitDir(dir.toFile())
                        .setMustExist(true)
                        .build();
                RevWalk walk = new RevWalk(repo)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            if (parsed.getParentCount() != 1) {
                throw new IllegalStateException(commit + " has " + parsed.getParentCount() + " parents");
            }
            return parsed.getParent(0).name();
        }
    }

    static Map<String, String> page(String key, List<String> refs) {
        return Map.of("wiki/global/" + key + ".md", pageText(key, refs));
    }

    static String pageText(String key, List<String> refs) {
        StringBuilder text =
                new StringBuilder("---\nsummary: About ").append(key).append('\n');
        if (!refs.isEmpty()) {
            text.append("refs:\n");
            refs.forEach(ref -> text.append("- ").append(ref).append('\n'));
        }
        return text.append("---\n\nNotes on ").append(key).append(".\n").toString();
    }
}
