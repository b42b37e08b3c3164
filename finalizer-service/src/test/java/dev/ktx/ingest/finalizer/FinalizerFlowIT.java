package dev.ktx.ingest.finalizer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.core.git.SessionId;
import dev.ktx.ingest.core.messaging.FinalizeRequestMessage;
import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.StageEventMessage;
import dev.ktx.ingest.core.messaging.TargetResultMessage;
import dev.ktx.ingest.core.plan.Operation;
import dev.ktx.ingest.core.plan.Step;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.repo.PathChange;
import dev.ktx.ingest.finalizer.window.SessionFinalizer;
import dev.ktx.ingest.service.RunLedger;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The finalizer over a real broker and Redis: a ready session lands on main, a broken one fails with its gate error. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class FinalizerFlowIT {

    @Inject
    RunLedger ledger;

    @Inject
    SessionFinalizer finalizer;

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PAGE = "---\nsummary: %s\nrefs:\n- %s\n---\n\nAbout %s.\n";

    @Test
    void readySessionLandsAndBrokenSessionFailsWithTheGateError() throws Exception {
        Path dir = Files.createTempDirectory("finalizer-test").resolve("acme.git");
        ProjectRef project = new ProjectRef("acme", dir.toString());
        SessionId good = new SessionId("run-f1", "docs");
        SessionId broken = new SessionId("run-f1", "notes");
        try (LocalContextRepository repo = initRepo(dir)) {
            repo.openSession(good);
            repo.commit(
                    good,
                    Changeset.builder()
                            .write("wiki/global/guide.md", PAGE.formatted("guide", "home", "guide"))
                            .build(),
                    "guide");
            repo.openSession(broken);
            repo.commit(
                    broken,
                    Changeset.builder()
                            .write("wiki/global/orphan.md", PAGE.formatted("orphan", "nowhere", "it"))
                            .build(),
                    "orphan");
        }

        try (TopicProbe results = new TopicProbe("ktx.ingest.results")) {
            request(project, good);
            request(project, broken);

            List<TargetResult> landed = awaitResults(results, "run-f1", 2);
            assertThat(landed).extracting(TargetResult::connectionId).containsExactlyInAnyOrder("docs", "notes");
            assertThat(result(landed, "docs").steps())
                    .containsExactly(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null));
            assertThat(result(landed, "notes").steps().get(0).detail())
                    .isEqualTo(
                            "final artifact gates failed:\nwiki references target missing page(s): orphan -> nowhere");
        }
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            assertThat(repo.tree(repo.mainHead().orElseThrow()).exists("wiki/global/guide.md"))
                    .isTrue();
            assertThat(repo.sessions()).containsExactly(broken);
            assertThat(repo.sentinels()).containsExactly(broken);
        }
    }

    @Test
    void sessionsWaitingOnEachOtherParkThenLandTogetherOnceNoWorkingPeerIsLeft() throws Exception {
        Path dir = Files.createTempDirectory("finalizer-test").resolve("acme.git");
        ProjectRef project = new ProjectRef("acme-parking", dir.toString());
        SessionId dbt = new SessionId("run-p1", "analytics_dbt");
        SessionId notion = new SessionId("run-p1", "docs");
        SessionId faq = new SessionId("run-p1", "wiki_faq");
        try (LocalContextRepository repo = initRepo(dir)) {
            write(repo, dbt, "revenue", "onboarding");
            write(repo, notion, "onboarding", "revenue");
            write(repo, faq, "faq", "glossary");
        }
        ledger.open("run-p1", List.of("analytics_dbt", "docs", "wiki_faq", "glossary_src"));

        try (TopicProbe results = new TopicProbe("ktx.ingest.results");
                TopicProbe stages = new TopicProbe("ktx.ingest.stages")) {
            request(project, notion);
            request(project, faq);
            request(project, dbt);
            assertThat(stages.await(3, WAIT))
                    .extracting(r -> MessageCodec.read(r.value(), StageEventMessage.class))
                    .extracting(StageEventMessage::stage)
                    .containsOnly(StageEventMessage.TARGET_PARKED);
            assertThat(ledger.parked("run-p1")).containsOnlyKeys("analytics_dbt", "docs", "wiki_faq");

            // What the planner does when a peer becomes final (here: glossary_src's job failed).
            ledger.finish("run-p1", "glossary_src");
            ledger.parked("run-p1")
                    .values()
                    .forEach(parked -> TopicProbe.send(
                            "ktx.finalize.requests",
                            parked.request().runId() + "/" + parked.request().connectionId(),
                            MessageCodec.write(parked.request())));

            List<TargetResult> decided = awaitResults(results, "run-p1", 3);
            assertThat(decided)
                    .extracting(TargetResult::connectionId)
                    .containsExactly("analytics_dbt", "docs", "wiki_faq");
            assertThat(decided.get(0).failure()).isEmpty();
            assertThat(decided.get(1).failure()).isEmpty();
            assertThat(decided.get(2).steps().get(0).detail())
                    .isEqualTo("final artifact gates failed:\nwiki references target missing page(s): faq -> glossary");
        }
        assertThat(ledger.parked("run-p1")).isEmpty();
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            assertThat(repo.tree(repo.mainHead().orElseThrow()).listFiles("wiki/global"))
                    .containsExactly("wiki/global/home.md", "wiki/global/onboarding.md", "wiki/global/revenue.md");
            assertThat(repo.sessions()).containsExactly(faq);
        }
    }

    @Test
    void requestsReadyTogetherLandInTurnEachAsIfAlone() throws Exception {
        Path dir = Files.createTempDirectory("finalizer-test").resolve("acme.git");
        ProjectRef project = new ProjectRef("acme-batch", dir.toString());
        SessionId docs = new SessionId("run-b1", "docs");
        SessionId faq = new SessionId("run-b1", "faq");
        SessionId notes = new SessionId("run-b1", "notes");
        String mainBefore;
        try (LocalContextRepository repo = initRepo(dir)) {
            write(repo, docs, "guide", "home");
            write(repo, faq, "faq", "guide");
            write(repo, notes, "orphan", "nowhere");
            mainBefore = repo.mainHead().orElseThrow();
        }
        ledger.open("run-b1", List.of("docs", "faq", "notes", "slow_src"));

        List<SessionFinalizer.Finalized> finalized = finalizer.finalizeRequests(
                List.of(message(project, docs), message(project, faq), message(project, notes)));

        assertThat(finalized.get(0).results()).extracting(TargetResult::failure).containsExactly(Optional.empty());
        assertThat(finalized.get(1).results())
                .as("faq refers to the page docs lands just before it")
                .extracting(TargetResult::failure)
                .containsExactly(Optional.empty());
        assertThat(finalized.get(2))
                .as("notes misses a page the working slow_src may still land")
                .isEqualTo(new SessionFinalizer.Finalized(List.of(), true));
        assertThat(ledger.parked("run-b1")).containsOnlyKeys("notes");
        try (LocalContextRepository repo = LocalContextRepository.open(dir)) {
            String docsSquash = repo.findSquash(docs).orElseThrow();
            String faqSquash = repo.findSquash(faq).orElseThrow();
            assertThat(repo.mainHead()).contains(faqSquash);
            assertThat(repo.diff(mainBefore, docsSquash))
                    .extracting(PathChange::path)
                    .containsExactly("wiki/global/guide.md");
            assertThat(repo.diff(docsSquash, faqSquash))
                    .extracting(PathChange::path)
                    .containsExactly("wiki/global/faq.md");
            assertThat(repo.sessions()).containsExactly(notes);
        }
    }

    /** A bare context repo whose main holds ktx.yaml and the page {@code home}. */
    private static LocalContextRepository initRepo(Path dir) {
        return LocalContextRepository.initBare(
                dir,
                Changeset.builder()
                        .write("ktx.yaml", "connections: {}\n")
                        .write("wiki/global/home.md", PAGE.formatted("home", "home", "home"))
                        .build(),
                "init");
    }

    private static void write(LocalContextRepository repo, SessionId session, String page, String ref) {
        repo.openSession(session);
        repo.commit(
                session,
                Changeset.builder()
                        .write("wiki/global/" + page + ".md", PAGE.formatted(page, ref, page))
                        .build(),
                page);
    }

    /** The first {@code count} results of {@code runId} (the topic also holds other tests' results). */
    private static List<TargetResult> awaitResults(TopicProbe probe, String runId, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<TargetResult> mine = List.of();
        while (mine.size() < count && System.nanoTime() < deadline) {
            List<ConsumerRecord<String, String>> seen = probe.await(Integer.MAX_VALUE, Duration.ofMillis(500));
            mine = seen.stream()
                    .map(r -> MessageCodec.read(r.value(), TargetResultMessage.class))
                    .filter(m -> m.runId().equals(runId))
                    .map(TargetResultMessage::result)
                    .toList();
        }
        return mine;
    }

    @Test
    void unreadableRequestGoesToTheDeadLetterTopic() {
        try (TopicProbe dlq = new TopicProbe("ktx.finalize.requests.dlq")) {
            TopicProbe.send("ktx.finalize.requests", "poison", "{\"schemaVersion\":1}");

            ConsumerRecord<String, String> dead = dlq.await(1, WAIT).get(0);
            assertThat(new String(
                            dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                    .isEqualTo("invalid FinalizeRequestMessage: runId is required");
        }
    }

    private static void request(ProjectRef project, SessionId session) {
        TopicProbe.send("ktx.finalize.requests", session.toString(), MessageCodec.write(message(project, session)));
    }

    private static FinalizeRequestMessage message(ProjectRef project, SessionId session) {
        TargetResult pending = new TargetResult(
                session.connectionId(),
                Driver.NOTION,
                Operation.SOURCE_INGEST,
                List.of(new StepResult(Step.SOURCE_INGEST, StepStatus.DONE, null)));
        return FinalizeRequestMessage.of(session.runId(), project, List.of(), pending);
    }

    private static TargetResult result(List<TargetResult> results, String connectionId) {
        return results.stream()
                .filter(r -> r.connectionId().equals(connectionId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void readinessCoversKafkaRedisAndTheContextRepos() {
        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItems("redis", "git"));
    }
}
