package dev.ktx.ingest.core.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real repository in a temp dir with {@code main} seeded, plus a second, independent writer that moves
 * {@code main} the way another process would (own {@link Repository}, compare-and-swap on the ref only).
 */
final class TestRepo implements AutoCloseable {

    /** REMOTE: a bare repository reached over {@code file://} through a mirror in a cache directory beside it. */
    enum Layout {
        BARE,
        NON_BARE,
        REMOTE
    }

    private static final String MAIN = Constants.R_HEADS + "main";

    final Path root;
    final Path gitDir;
    final ContextRepository context;

    private TestRepo(Path root, Path gitDir) {
        this(root, gitDir, LocalContextRepository.open(root));
    }

    private TestRepo(Path root, Path gitDir, ContextRepository context) {
        this.root = root;
        this.gitDir = gitDir;
        this.context = context;
    }

    /** The repository at {@code gitDir} as a service sees it that mirrors it into {@code cache}. */
    static ContextRepository remote(Path gitDir, Path cache) {
        GitRemote remote = new GitRemote(
                RepoUrl.parse("test", gitDir.toUri().toString()), Optional.empty(), Duration.ofSeconds(30));
        return RemoteContextRepository.open(remote, "main", cache);
    }

    /** A repo whose {@code main} has one commit with {@code ktx.yaml}; a checkout is in sync with it. */
    static TestRepo create(Path dir, Layout layout) throws IOException, GitAPIException {
        boolean bare = layout != Layout.NON_BARE;
        Path root = layout == Layout.REMOTE ? dir.resolve("remote.git") : dir;
        try (Git git = Git.init()
                .setDirectory(root.toFile())
                .setBare(bare)
                .setInitialBranch("main")
                .call()) {
            Path gitDir = git.getRepository().getDirectory().toPath();
            advanceMain(gitDir, writes("ktx.yaml", "project: demo\n"));
            if (!bare) {
                git.reset().setMode(ResetCommand.ResetType.HARD).setRef(MAIN).call();
            }
            return layout == Layout.REMOTE
                    ? new TestRepo(root, gitDir, remote(gitDir, dir.resolve("cache")))
                    : new TestRepo(root, gitDir);
        }
    }

    /** An empty repository (no commit on main). */
    static TestRepo createEmpty(Path dir) throws GitAPIException {
        Git.init()
                .setDirectory(dir.toFile())
                .setBare(true)
                .setInitialBranch("main")
                .call()
                .close();
        return new TestRepo(dir, dir);
    }

    static Changeset writes(String... pathThenContent) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathThenContent.length; i += 2) {
            files.put(pathThenContent[i], pathThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return Changeset.builder().writeAll(files).build();
    }

    /**
     * Another writer commits {@code changes} on top of {@code main}; returns the new head. Callers learn commit ids
     * from {@link ContextRepository#mainHead()}, which fetches them into a remote layout's mirror, so it is read here.
     */
    String advanceMain(Changeset changes) throws IOException {
        String head = advanceMain(gitDir, changes);
        assertThat(context.mainHead()).contains(head);
        return head;
    }

    private static String advanceMain(Path gitDir, Changeset changes) throws IOException {
        try (Repository repo = new FileRepositoryBuilder()
                        .setGitDir(gitDir.toFile())
                        .setMustExist(true)
                        .build();
                RevWalk walk = new RevWalk(repo);
                ObjectInserter inserter = repo.newObjectInserter()) {
            Ref main = repo.exactRef(MAIN);
            ObjectId baseTree;
            ObjectId[] parents;
            if (main == null) {
                baseTree = inserter.insert(new TreeFormatter());
                inserter.flush();
                parents = new ObjectId[0];
            } else {
                RevCommit head = walk.parseCommit(main.getObjectId());
                baseTree = head.getTree();
                parents = new ObjectId[] {head};
            }
            ObjectId tree = ChangesetTreeWriter.write(walk.getObjectReader(), inserter, baseTree, changes);
            ObjectId commit =
                    new CommitWriter("other writer", "other@localhost").insert(inserter, tree, "other writer", parents);
            inserter.flush();
            RefUpdate update = repo.updateRef(MAIN);
            update.setExpectedOldObjectId(main == null ? ObjectId.zeroId() : main.getObjectId());
            update.setNewObjectId(commit);
            assertThat(update.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD);
            return commit.name();
        }
    }

    /** Points {@code ref} at {@code id} behind the adapter's back, e.g. to recreate what a crash left. */
    void setRef(String ref, String id) throws IOException {
        try (Repository repo =
                new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build()) {
            RefUpdate update = repo.updateRef(ref);
            update.setNewObjectId(ObjectId.fromString(id));
            update.setForceUpdate(true);
            assertThat(update.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
        }
    }

    /** All refs with their targets, to show that an operation moved nothing. */
    Map<String, String> refs() throws IOException {
        try (Repository repo =
                new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build()) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                refs.put(
                        ref.getName(),
                        ref.getObjectId() == null ? null : ref.getObjectId().name());
            }
            return refs;
        }
    }

    /** Reads a commit in a fresh repository instance, as another process would see it. */
    RevCommit commit(String id) throws IOException {
        try (Repository repo =
                        new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build();
                RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ObjectId.fromString(id));
        }
    }

    String mainHead() {
        return context.mainHead().orElseThrow();
    }

    @Override
    public void close() {
        context.close();
    }
}
