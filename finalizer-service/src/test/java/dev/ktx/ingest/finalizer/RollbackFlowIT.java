package dev.ktx.ingest.finalizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.RollbackRequestMessage;
import dev.ktx.ingest.core.trace.TraceEvents;
import dev.ktx.ingest.core.trace.TraceJson;
import dev.ktx.ingest.core.window.RollbackTrace;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.UUID;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * Rollbacks through the finalizer over a real broker and Redis: a request on {@code rollback.requests} becomes one
 * revert commit on main, or a refusal naming why; either way its outcome arrives as a trace event with its id.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class RollbackFlowIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PAGE = "---\nsummary: %s\n---\n\nAbout %s.\n";

    @Test
    void rollbackRestoresThePreRunTreeAndAChangedPathBlocksItUnlessForced() throws Exception {
        Path dir = Files.createTempDirectory("rollback-test").resolve("acme.git");
        ProjectRef project = new ProjectRef("acme-rollback", dir.toString());
        String preRun;
        try (LocalContextRepository repo = LocalContextRepository.initBare(
                dir,
                Changeset.builder()
                        .write("ktx.yaml", "connections: {}\n")
                        .write("wiki/global/home.md", PAGE.formatted("home", "home"))
                        .build(),
                "init")) {
            preRun = repo.mainHead().orElseThrow();
            land(repo, new SessionId("run-r1", "docs"), "wiki/global/guide.md", "guide");
            land(repo, new SessionId("run-r1", "notes"), "wiki/global/notes.md", "notes");
        }

        try (TopicProbe traces = new TopicProbe("ktx.ingest.traces")) {
            RollbackTrace.Reported done = rollBack(traces, project, "run-r1", false);
            assertThat(done.status()).as(done.message()).isEqualTo("done");
            assertThat(done.paths()).containsExactly("wiki/global/guide.md", "wiki/global/notes.md");
            try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
                String head = repo.mainHead().orElseThrow();
                assertThat(done.commit()).contains(head);
                assertThat(repo.diff(preRun, head))
                        .as("main equals its pre-run tree")
                        .isEmpty();
                assertThat(trailers(dir, head, "Ktx-Rollback")).isEqualTo("run-r1");

                land(repo, new SessionId("run-r2", "docs"), "wiki/global/guide.md", "guide again");
                land(repo, new SessionId("run-r3", "docs"), "wiki/global/guide.md", "guide, edited later");
            }
            assertThat(rollBack(traces, project, "run-r1", false).message())
                    .startsWith("rollback of run-r1 refused: already rolled back in ");

            String beforeBlocked = mainHead(dir);
            RollbackTrace.Reported blocked = rollBack(traces, project, "run-r2", false);
            assertThat(blocked.status()).isEqualTo("refused");
            assertThat(blocked.message())
                    .isEqualTo("rollback of run-r2 blocked: later commits changed wiki/global/guide.md");
            assertThat(mainHead(dir)).as("main unchanged").isEqualTo(beforeBlocked);

            RollbackTrace.Reported forced = rollBack(traces, project, "run-r2", true);
            assertThat(forced.status()).as(forced.message()).isEqualTo("done");
            try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
                assertThat(repo.tree(repo.mainHead().orElseThrow()).exists("wiki/global/guide.md"))
                        .isFalse();
            }

            RollbackTrace.Reported unknown = rollBack(traces, project, "run-none", false);
            assertThat(unknown.message())
                    .isEqualTo("rollback of run-none refused: no squash commit of the run on main");
        }
    }

    @Test
    void requestForAProjectThatCannotBeOpenedGetsAFailedOutcome() throws Exception {
        Path notARepo = Files.createTempDirectory("rollback-test");
        try (TopicProbe traces = new TopicProbe("ktx.ingest.traces")) {
            RollbackTrace.Reported failed =
                    rollBack(traces, new ProjectRef("nowhere", notARepo.toString()), "run-x", false);

            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.message()).isEqualTo("rollback of run-x failed: not a git repository: " + notARepo);
        }
    }

    /** Publishes a request and waits for the trace event carrying its outcome (the topic holds other tests' events). */
    private static RollbackTrace.Reported rollBack(TopicProbe traces, ProjectRef project, String runId, boolean force) {
        String rollbackId = UUID.randomUUID().toString();
        TopicProbe.send(
                "ktx.rollback.requests",
                runId,
                MessageCodec.write(RollbackRequestMessage.of(rollbackId, runId, project, force)));
        return traces.awaitMatching(record -> record.value().contains(rollbackId), WAIT)
                .map(record -> TraceJson.fromLine(record.value()))
                .filter(event -> event.event().equals(TraceEvents.ROLLBACK_FINISHED)
                        || event.event().equals(TraceEvents.ROLLBACK_REFUSED))
                .flatMap(RollbackTrace::read)
                .orElseThrow(() -> new AssertionError(
                        "no outcome of rollback " + rollbackId + " of " + runId + " within " + WAIT));
    }

    private static void land(LocalContextRepository repo, SessionId session, String path, String about) {
        String main = repo.openSession(session);
        repo.commit(
                session,
                Changeset.builder().write(path, PAGE.formatted(about, about)).build(),
                about);
        repo.squash(session, main, new SquashMetadata("ktx: ingest " + session.connectionId(), OptionalLong.empty()));
    }

    private static String mainHead(Path dir) {
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            return repo.mainHead().orElseThrow();
        }
    }

    private static String trailers(Path dir, String commit, String key) throws Exception {
        try (Repository repo =
                        new FileRepositoryBuilder().setGitDir(dir.toFile()).build();
                RevWalk walk = new RevWalk(repo)) {
            return String.join(
                    ",", walk.parseCommit(ObjectId.fromString(commit)).getFooterLines(key));
        }
    }
}
