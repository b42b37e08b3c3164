package dev.ktx.ingest.core.git;

import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.core.repo.RepoTree;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ContextRepository} on a repository at a local path (bare, or the root of a checkout), with JGit.
 * Session work happens in the object database only; refs move by compare-and-swap, so several threads may
 * share an instance and several processes the repository. I/O failures surface as {@link UncheckedIOException},
 * a stuck ref lock as {@link StaleLockFileException}.
 */
public final class LocalContextRepository implements ContextRepository {

    private static final Logger LOG = LoggerFactory.getLogger(LocalContextRepository.class);

    public static final String DEFAULT_MAIN_BRANCH = "main";
    public static final String RUN_REF_PREFIX = "refs/ktx/runs/";
    private static final String IDENTITY_NAME = "ktx-ingest";
    private static final String IDENTITY_EMAIL = "ktx-ingest@localhost";

    private final Repository repo;
    private final String mainRef;
    private final RefStore refs;
    private final CommitWriter commits;
    private final SessionRefresher refresher;
    private final Squasher squasher;
    private final SentinelStore sentinels;
    private final RunReverter reverter;
    private final String identity;

    private LocalContextRepository(Repository repo, String mainBranch) {
        this(repo, mainBranch, new FileRefStore(repo), identityOf(repo));
    }

    /** A repository whose refs live in {@code refs} (a remote's, see {@link RemoteContextRepository}). */
    LocalContextRepository(Repository repo, String mainBranch, RefStore refs, String identity) {
        this.repo = repo;
        this.identity = identity;
        this.mainRef = Constants.R_HEADS + mainBranch;
        this.refs = refs;
        this.commits = new CommitWriter(IDENTITY_NAME, IDENTITY_EMAIL);
        this.refresher = new SessionRefresher(repo, refs, commits);
        this.squasher = new Squasher(repo, refs, commits, mainRef);
        this.sentinels = new SentinelStore(repo, refs, commits, mainRef);
        this.reverter = new RunReverter(repo, commits);
    }

    /**
     * Creates a bare context repository at {@code dir} whose {@code main} holds one commit with
     * {@code initialContent} (a project needs at least its {@code ktx.yaml} before anything can ingest).
     */
    public static LocalContextRepository initBare(Path dir, Changeset initialContent, String message) {
        try {
            Git.init()
                    .setBare(true)
                    .setInitialBranch(DEFAULT_MAIN_BRANCH)
                    .setDirectory(dir.toFile())
                    .call()
                    .close();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot create a repository at " + dir + ": " + e.getMessage(), e);
        }
        LocalContextRepository created = open(dir);
        try {
            io("create " + created.mainRef, () -> created.createMain(initialContent, message));
            return created;
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
    }

    private ObjectId createMain(Changeset content, String message) throws IOException {
        try (RevWalk walk = new RevWalk(repo);
                ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId emptyTree = inserter.insert(new TreeFormatter());
            ObjectId tree = ChangesetTreeWriter.write(walk.getObjectReader(), inserter, emptyTree, content);
            ObjectId commit = commits.insert(inserter, tree, message);
            inserter.flush();
            if (!refs.compareAndSet(mainRef, ObjectId.zeroId(), commit, "ktx: create main")) {
                throw new IllegalStateException(mainRef + " already exists in " + repo.getDirectory());
            }
            return commit;
        }
    }

    /** Opens the repository at {@code path} with {@code main} as its main branch. */
    public static LocalContextRepository open(Path path) {
        return open(path, DEFAULT_MAIN_BRANCH);
    }

    /** Opens a bare repository or the root of a checkout; {@code mainBranch} is a short name such as {@code main}. */
    public static LocalContextRepository open(Path path, String mainBranch) {
        if (!Repository.isValidRefName(Constants.R_HEADS + mainBranch)) {
            throw new IllegalArgumentException("not a valid branch name: '" + mainBranch + "'");
        }
        File gitDir = RepositoryCache.FileKey.resolve(path.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new IllegalArgumentException("not a git repository: " + path);
        }
        try {
            Repository repo = new FileRepositoryBuilder()
                    .setGitDir(gitDir)
                    .setMustExist(true)
                    .build();
            return new LocalContextRepository(repo, mainBranch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open git repository " + path, e);
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    /** A hash of the repository's canonical location: the same for every path that leads to it. */
    private static String identityOf(Repository repo) {
        return io(
                "resolve " + repo.getDirectory(),
                () -> shortHash(repo.getDirectory().toPath().toRealPath().toString()));
    }

    /** The first 8 bytes of the SHA-256 of {@code location}, in hex. */
    static String shortHash(String location) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public Optional<String> mainHead() {
        return refs.read(mainRef).map(ObjectId::name);
    }

    @Override
    public String openSession(SessionId id) {
        Optional<ObjectId> existing = refs.read(id.sessionRef());
        if (existing.isPresent()) {
            return existing.get().name();
        }
        ObjectId main = refs.read(mainRef)
                .orElseThrow(() ->
                        new IllegalStateException("cannot open session " + id + ": " + mainRef + " has no commit yet"));
        if (refs.compareAndSet(id.sessionRef(), ObjectId.zeroId(), main, "ktx: open session from main")) {
            return main.name();
        }
        // Another thread or process opened it first; its head is as good as ours.
        return requireSessionHead(id).name();
    }

    @Override
    public String restartSession(SessionId id) {
        ObjectId main = refs.read(mainRef)
                .orElseThrow(() -> new IllegalStateException(
                        "cannot start session " + id + ": " + mainRef + " has no commit yet"));
        ObjectId current = refs.read(id.sessionRef()).orElse(ObjectId.zeroId());
        if (!refs.compareAndRewind(id.sessionRef(), current, main, "ktx: restart session from main")) {
            throw new IllegalStateException(
                    id.sessionRef() + " moved while restarting it; a session has a single writer");
        }
        refs.delete(id.sentinelRef());
        return main.name();
    }

    @Override
    public void recordHandoff(SessionId id, String finalizeRequest) {
        io("write " + id.handoffRef(), () -> {
            sentinels.writeHandoff(id, finalizeRequest);
            return null;
        });
    }

    @Override
    public Optional<String> handoff(SessionId id) {
        return io("read " + id.handoffRef(), () -> sentinels.handoff(id));
    }

    @Override
    public Optional<String> sessionHead(SessionId id) {
        return refs.read(id.sessionRef()).map(ObjectId::name);
    }

    @Override
    public String commit(SessionId id, Changeset changes, String message) {
        ObjectId head = requireSessionHead(id);
        return io("commit to " + id.sessionRef(), () -> {
            try (RevWalk walk = new RevWalk(repo);
                    ObjectInserter inserter = repo.newObjectInserter()) {
                RevCommit parent = walk.parseCommit(head);
                ObjectId tree = ChangesetTreeWriter.write(walk.getObjectReader(), inserter, parent.getTree(), changes);
                if (tree.equals(parent.getTree())) {
                    return head.name();
                }
                ObjectId commit = commits.insert(inserter, tree, message, parent);
                inserter.flush();
                if (!refs.compareAndSet(id.sessionRef(), head, commit, "ktx: commit")) {
                    throw new IllegalStateException(id.sessionRef() + " moved while committing (expected " + head.name()
                            + "); a session has a single writer");
                }
                return commit.name();
            }
        });
    }

    @Override
    public RefreshResult refresh(SessionId id, String mainHead) {
        present(mainHead);
        return io("refresh " + id.sessionRef(), () -> refresher.refresh(id, mainHead));
    }

    @Override
    public RepoTree tree(String commitId) {
        present(commitId);
        return io("read commit " + commitId, () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return new JGitRepoTree(repo, Commits.parse(walk, commitId).getTree());
            }
        });
    }

    @Override
    public List<PathChange> diff(String fromCommit, String toCommit) {
        present(fromCommit, toCommit);
        return io("diff " + fromCommit + ".." + toCommit, () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit from = Commits.parse(walk, fromCommit);
                RevCommit to = Commits.parse(walk, toCommit);
                return TreeDiff.between(walk.getObjectReader(), from.getTree(), to.getTree());
            }
        });
    }

    @Override
    public boolean isAncestor(String ancestor, String descendant) {
        present(ancestor, descendant);
        return io("compare " + ancestor + " and " + descendant, () -> {
            try (RevWalk walk = new RevWalk(repo)) {
                return walk.isMergedInto(Commits.parse(walk, ancestor), Commits.parse(walk, descendant));
            }
        });
    }

    @Override
    public SquashResult squash(SessionId id, String expectedMainHead, SquashMetadata metadata) {
        present(expectedMainHead);
        return io("squash " + id.sessionRef(), () -> squasher.squash(id, expectedMainHead, metadata));
    }

    @Override
    public Optional<String> landedSquash(SessionId id) {
        return io("look up the squash of " + id, () -> {
            ObjectId main = refs.read(mainRef).orElseThrow(() -> new IllegalStateException(mainRef + " has no commit"));
            return squasher.landedAs(id, main).map(RevCommit::name);
        });
    }

    @Override
    public Optional<String> findSquash(SessionId id) {
        return io("look for the squash of " + id, () -> {
            Optional<ObjectId> main = refs.read(mainRef);
            return main.isEmpty()
                    ? Optional.<String>empty()
                    : squasher.find(id, main.get()).map(RevCommit::name);
        });
    }

    @Override
    public StackedSquash stackSquash(SessionId id, String parentId, SquashMetadata metadata) {
        present(parentId);
        return io("squash " + id.sessionRef() + " above " + parentId, () -> squasher.stack(id, parentId, metadata));
    }

    @Override
    public boolean advanceMain(String expectedMainHead, String newHead, List<SessionId> landed) {
        return squasher.publish(expectedMainHead, newHead, landed);
    }

    @Override
    public RunRevert revertRun(String runId, String mainHead, RollbackMetadata metadata, boolean force) {
        present(mainHead);
        return io("revert run " + runId, () -> reverter.revert(runId, mainHead, metadata, force));
    }

    @Override
    public boolean removeStaleMainLock(Duration olderThan) {
        Path lockFile = repo.getDirectory().toPath().resolve(mainRef + ".lock");
        return io("remove " + lockFile, () -> {
            try {
                Instant modified = Files.getLastModifiedTime(lockFile).toInstant();
                if (modified.isAfter(Instant.now().minus(olderThan))) {
                    return false;
                }
                Files.delete(lockFile);
                LOG.warn(
                        "removed {}, left {} ago by a writer of {} that did not finish",
                        lockFile,
                        Duration.between(modified, Instant.now()),
                        mainRef);
                return true;
            } catch (NoSuchFileException e) {
                return false;
            }
        });
    }

    @Override
    public void writeSentinel(SessionId id, Sentinel sentinel) {
        io("write " + id.sentinelRef(), () -> {
            sentinels.write(id, sentinel);
            return null;
        });
    }

    @Override
    public Optional<Sentinel> sentinel(SessionId id) {
        return io("read " + id.sentinelRef(), () -> sentinels.read(id));
    }

    @Override
    public List<SessionId> sessions() {
        return idsUnder(SessionId.SESSION_REF_PREFIX);
    }

    @Override
    public List<SessionId> sentinels() {
        return idsUnder(SessionId.SENTINEL_REF_PREFIX);
    }

    @Override
    public void deleteSession(SessionId id) {
        refs.deleteSession(id);
    }

    @Override
    public List<SessionId> gcSentinels(Instant cutoff) {
        List<SessionId> removed = new ArrayList<>();
        for (SessionId id : sentinels()) {
            Optional<Sentinel> sentinel;
            try {
                sentinel = sentinel(id);
            } catch (IllegalArgumentException e) {
                LOG.warn("skipping unreadable sentinel {}: {}", id.sentinelRef(), e.getMessage());
                continue;
            }
            if (sentinel.isPresent() && sentinel.get().at().isBefore(cutoff)) {
                deleteSession(id);
                removed.add(id);
            }
        }
        return removed;
    }

    @Override
    public List<SessionId> orphans(Instant cutoff) {
        Set<SessionId> failed = new HashSet<>(sentinels());
        return sessions().stream()
                .filter(id -> !failed.contains(id))
                .filter(id -> id.runStartedAt()
                        .filter(started -> started.isBefore(cutoff))
                        .isPresent())
                .toList();
    }

    @Override
    public List<SessionId> gcOrphans(Instant cutoff) {
        List<SessionId> orphans = orphans(cutoff);
        orphans.forEach(this::deleteSession);
        return orphans;
    }

    @Override
    public void recordRun(String runId, String record) {
        String refName =
                runRef(runId).orElseThrow(() -> new IllegalArgumentException("run id " + runId + " cannot name a ref"));
        io("write " + refName, () -> {
            sentinels.writeRunRecord(refName, record);
            return null;
        });
    }

    @Override
    public Optional<String> recordedRun(String runId) {
        return runRef(runId).flatMap(refName -> io("read " + refName, () -> sentinels.runRecord(refName)));
    }

    @Override
    public void forgetRun(String runId) {
        runRef(runId).ifPresent(refs::delete);
    }

    private static Optional<String> runRef(String runId) {
        String refName = RUN_REF_PREFIX + runId;
        return runId.isEmpty() || runId.contains("/") || !Repository.isValidRefName(refName)
                ? Optional.empty()
                : Optional.of(refName);
    }

    @Override
    public void close() {
        repo.close();
    }

    /**
     * Makes sure the commits a caller names are here: a commit another service read (the planner's config commit, a
     * peer's {@code main}) reaches a mirror only by a fetch. Malformed ids are left to the parse that reports them.
     */
    private void present(String... commitIds) {
        List<ObjectId> ids = new ArrayList<>();
        for (String commitId : commitIds) {
            if (commitId != null && ObjectId.isId(commitId)) {
                ids.add(ObjectId.fromString(commitId));
            }
        }
        refs.fetchMissing(ids);
    }

    private ObjectId requireSessionHead(SessionId id) {
        return refs.read(id.sessionRef())
                .orElseThrow(() -> new IllegalStateException("no session ref " + id.sessionRef()));
    }

    /** Sessions named by the refs below {@code prefix}; other names are logged and skipped. */
    private List<SessionId> idsUnder(String prefix) {
        List<SessionId> ids = new ArrayList<>();
        for (String name : refs.namesUnder(prefix)) {
            try {
                ids.add(SessionId.parse(name.substring(prefix.length())));
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring ref {}: {}", name, e.getMessage());
            }
        }
        return ids;
    }

    @FunctionalInterface
    private interface IoAction<T> {
        T run() throws IOException;
    }

    private static <T> T io(String what, IoAction<T> action) {
        try {
            return action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot " + what, e);
        }
    }
}
