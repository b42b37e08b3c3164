package dev.ktx.ingest.core.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.core.gate.FinalGates;
import dev.ktx.ingest.core.gate.ProvenanceGate;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.git.SquashMetadata;
import dev.ktx.ingest.core.lock.InProcessProjectLock;
import dev.ktx.ingest.core.trace.TraceEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollback window on a real repository: it lands one revert commit, answers a redelivery, and is gated. */
class RollbackWindowTest {

    /** The delete limit is the finalizer's rollback setting: a rollback deletes what the run added, all of it. */
    private static final SessionGates GATES = SessionGates.of(new FinalGates(100), new ProvenanceGate());

    @TempDir
    Path dir;

    private LocalContextRepository repo;

    @BeforeEach
    void createRepo() {
        ContextRepos.initBare(dir.resolve("repo.git"), ContextRepos.page("home", List.of()));
        repo = LocalContextRepository.open(dir.resolve("repo.git"));
    }

    @AfterEach
    void closeRepo() {
        repo.close();
    }

    @Test
    void rollbackLandsOneRevertCommitAndTheSameRequestAgainChangesNothing() throws Exception {
        String preRun = repo.mainHead().orElseThrow();
        land(new SessionId("run-1", "docs"), ContextRepos.page("guide", List.of("home")));

        RollbackOutcome outcome = window().rollBack(new RollbackRequest("run-1", "rb-1", false));

        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RollbackOutcome.Status.DONE);
        String rollback = repo.mainHead().orElseThrow();
        assertThat(outcome.commit()).contains(rollback);
        assertThat(outcome.paths()).containsExactly("wiki/global/guide.md");
        assertThat(repo.diff(preRun, rollback)).isEmpty();
        TraceEvent event = RollbackTrace.event(new RollbackRequest("run-1", "rb-1", false), outcome, Instant.now());
        assertThat(RollbackTrace.read(event).orElseThrow())
                .extracting(RollbackTrace.Reported::status, RollbackTrace.Reported::commit)
                .containsExactly("done", outcome.commit());

        assertThat(window().rollBack(new RollbackRequest("run-1", "rb-1", false))
                        .commit())
                .as("a redelivered request is answered with its commit")
                .contains(rollback);
        RollbackOutcome second = window().rollBack(new RollbackRequest("run-1", "rb-2", true));
        assertThat(second.status()).isEqualTo(RollbackOutcome.Status.REFUSED);
        assertThat(second.message())
                .isEqualTo("rollback of run-1 refused: already rolled back in " + rollback.substring(0, 12));
        assertThat(repo.mainHead()).contains(rollback);
    }

    @Test
    void failingGateRefusesTheRollbackWithTheGateMessage() throws Exception {
        land(new SessionId("run-1", "docs"), ContextRepos.page("guide", List.of("home")));
        land(new SessionId("run-2", "notes"), ContextRepos.page("faq", List.of("guide")));
        String head = repo.mainHead().orElseThrow();

        RollbackOutcome outcome = window().rollBack(new RollbackRequest("run-1", "rb-1", false));

        assertThat(outcome.status()).isEqualTo(RollbackOutcome.Status.REFUSED);
        assertThat(outcome.message())
                .isEqualTo("rollback of run-1 refused: final artifact gates failed:\n"
                        + "wiki references target missing page(s): faq -> guide");
        assertThat(repo.mainHead()).contains(head);
        assertThat(RollbackTrace.read(RollbackTrace.event(
                                new RollbackRequest("run-1", "rb-1", false), outcome, Instant.now()))
                        .orElseThrow()
                        .message())
                .isEqualTo(outcome.message());
    }

    private RollbackWindow window() {
        return new RollbackWindow(
                repo,
                new InProcessProjectLock(),
                GATES,
                new RecordingTraceSink(),
                Clock.systemUTC(),
                new FinalWindowSettings(Duration.ofSeconds(5), 3));
    }

    private void land(SessionId session, Map<String, String> files) {
        String main = repo.openSession(session);
        Changeset.Builder changes = Changeset.builder();
        files.forEach(changes::write);
        repo.commit(session, changes.build(), "work");
        repo.squash(session, main, new SquashMetadata("ktx: ingest", OptionalLong.empty()));
    }
}
