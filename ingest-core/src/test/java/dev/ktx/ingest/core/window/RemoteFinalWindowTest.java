package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.GitRemote;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.RemoteContextRepository;
import dev.ktx.ingest.core.git.RepoUrl;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.testinfra.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context repository on a git server over HTTP with a token, reached by a worker and a finalizer that each keep
 * their own mirror (nothing shared but the remote): the window lands a worker's session, and a person's push to
 * {@code main} during the window is merged, never overwritten (docs/context-repository.md, "Remote repositories").
 */
class RemoteFinalWindowTest {

    private static final String USER = "ktx";
    private static final String TOKEN = "s3cret-token-4711";
    private static final SessionId DBT = new SessionId("run-1", "analytics_dbt");

    @TempDir
    Path dir;

    private Path served;
    private GitHttpServer server;
    private ContextRepository worker;
    private ContextRepository finalizer;
    private final RecordingTraceSink trace = new RecordingTraceSink();

    @BeforeEach
    void serve() throws Exception {
        Path root = Files.createDirectories(dir.resolve("server"));
        served = root.resolve("acme.git");
        ContextRepos.initBare(served, ContextRepos.page("home", List.of()));
        server = GitHttpServer.start(root, USER, TOKEN);
        worker = open(TOKEN, "worker-cache");
        finalizer = open(TOKEN, "finalizer-cache");
    }

    @AfterEach
    void stop() {
        worker.close();
        finalizer.close();
        server.close();
    }

    @Test
    void aSessionAWorkerPushedLandsThroughTheFinalizersOwnMirror() throws Exception {
        worker.openSession(DBT);
        writePage(worker, DBT, "metrics", List.of("home"));

        FinalizeOutcome outcome = window().finalizeSession(request(DBT));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        try (LocalContextRepository onServer = LocalContextRepository.open(served)) {
            String main = onServer.mainHead().orElseThrow();
            assertThat(outcome.commitId()).contains(main);
            assertThat(onServer.tree(main).listFiles("wiki/global"))
                    .containsExactly("wiki/global/home.md", "wiki/global/metrics.md");
        }
        assertThat(serverRefs()).containsExactly("HEAD", "refs/heads/main");
        assertThat(worker.mainHead()).isEqualTo(finalizer.mainHead());
    }

    @Test
    void aPushToMainDuringTheWindowIsRejectedOnceAndTheSessionIsRefreshedOnTopOfIt() throws Exception {
        worker.openSession(DBT);
        writePage(worker, DBT, "metrics", List.of("home"));
        AtomicReference<String> personsCommit = new AtomicReference<>();
        server.onReceivePack(() -> {
            if (personsCommit.get() == null) {
                personsCommit.set(personPushesAPage("glossary"));
            }
        });

        FinalizeOutcome outcome = window().finalizeSession(request(DBT));

        assertThat(outcome.status()).isEqualTo(FinalizeOutcome.Status.MERGED);
        assertThat(trace.named(TraceEvents.SQUASH_CAS_LOST)).hasSize(1);
        assertThat(trace.names())
                .containsSubsequence(
                        TraceEvents.SQUASH_CAS_LOST,
                        TraceEvents.SESSION_REFRESHED_FROM_ROOT,
                        TraceEvents.SQUASH_FINISHED);
        try (LocalContextRepository onServer = LocalContextRepository.open(served)) {
            String main = onServer.mainHead().orElseThrow();
            assertThat(ContextRepos.parentOf(served, main)).isEqualTo(personsCommit.get());
            assertThat(onServer.tree(main).listFiles("wiki/global"))
                    .containsExactly("wiki/global/glossary.md", "wiki/global/home.md", "wiki/global/metrics.md");
        }
        assertThat(serverRefs()).containsExactly("HEAD", "refs/heads/main");
    }

    @Test
    void aCommitAnotherServiceReadIsFetchedWhenItIsNamed() {
        String plannersMain = personPushesAPage("glossary");
        assertThat(finalizer.mainHead()).contains(plannersMain);

        assertThat(worker.tree(plannersMain).exists("wiki/global/glossary.md"))
                .as("main fetched")
                .isTrue();

        worker.openSession(DBT);
        writePage(worker, DBT, "metrics", List.of("home"));
        String workersSession = worker.sessionHead(DBT).orElseThrow();
        assertThat(finalizer.tree(workersSession).exists("wiki/global/metrics.md"))
                .as("every ref fetched")
                .isTrue();
        assertThat(finalizer.diff(plannersMain, workersSession)).isNotEmpty();
    }

    @Test
    void aWrongTokenIsRefusedNamingTheUrlButNeverATokenAndChangesNothing() throws Exception {
        List<String> before = serverRefs();
        try (ContextRepository intruder = open("wrong-token-0815", "intruder-cache")) {
            assertThatThrownBy(intruder::mainHead)
                    .isInstanceOf(GitRemote.RemoteRefusedException.class)
                    .hasMessageContaining(server.url("acme.git").toString())
                    .hasMessageContaining("refused the credentials")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-token-0815", TOKEN));
            assertThatThrownBy(() -> intruder.openSession(DBT)).isInstanceOf(GitRemote.RemoteRefusedException.class);
        }
        assertThat(serverRefs()).isEqualTo(before);
    }

    private ContextRepository open(String token, String cache) {
        GitRemote remote = new GitRemote(
                RepoUrl.parse("repoUrl", server.url("acme.git").toString()),
                Optional.of(new UsernamePasswordCredentialsProvider(USER, token)),
                Duration.ofSeconds(30));
        return RemoteContextRepository.open(remote, "main", dir.resolve(cache));
    }

    private FinalWindow window() {
        return new FinalWindow(
                finalizer,
                new InProcessProjectLock(),
                SessionGates.of(new FinalGates(), new ProvenanceGate()),
                trace,
                Clock.systemUTC(),
                new FinalWindowSettings(Duration.ofSeconds(5), 3));
    }

    /** A person commits straight to the server's {@code main}, bypassing ktx and its lock. */
    private String personPushesAPage(String key) {
        SessionId person = new SessionId("by-hand", "person");
        try (LocalContextRepository onServer = LocalContextRepository.open(served)) {
            String main = onServer.mainHead().orElseThrow();
            onServer.openSession(person);
            writePage(onServer, person, key, List.of());
            return onServer.squash(person, main, new SquashMetadata("a page by hand", OptionalLong.empty()))
                    .commitId()
                    .orElseThrow();
        }
    }

    private List<String> serverRefs() throws Exception {
        try (Repository repo = new FileRepositoryBuilder()
                .setGitDir(served.toFile())
                .setMustExist(true)
                .build()) {
            List<String> names = new ArrayList<>();
            for (Ref ref : repo.getRefDatabase().getRefs()) {
                names.add(ref.getName());
            }
            names.add("HEAD");
            return names.stream().distinct().sorted().toList();
        }
    }

    private static FinalizeRequest request(SessionId session) {
        return new FinalizeRequest(
                "acme", session, Set.of("warehouse"), "ktx: ingest " + session.connectionId(), Set.of());
    }

    private static void writePage(ContextRepository repo, SessionId session, String key, List<String> refs) {
        repo.commit(
                session,
                Changeset.builder()
                        .write("wiki/global/" + key + ".md", ContextRepos.pageText(key, refs))
                        .build(),
                "write " + key);
    }
}
