package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ktx.ingest.core.git.LocalContextRepository;
import dev.ktx.ingest.testinfra.GitHttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo project on a git server over HTTP with a token, and the stack with nothing shared but Kafka, Redis and
 * that remote: no service can reach the repository on a path, each keeps its mirror in a cache of its own
 * (docs/operations.md, "Context repository: local path or git remote").
 */
class RemoteRepositoryIT {

    private static final List<String> SERVICES =
            List.of("planner-service", "database-ingest-service", "source-ingest-service", "finalizer-service");
    private static final String TOKEN = "e2e-git-token-" + UUID.randomUUID();
    private static GitHttpServer server;
    private static E2eStack stack;
    private static Path served;
    private static String repoUrl;

    @BeforeAll
    static void up() throws Exception {
        Path root = Files.createTempDirectory("ktx-e2e-git-server");
        served = root.resolve("acme.git");
        Path checkout = DemoProject.create();
        Git.cloneRepository()
                .setBare(true)
                .setURI(checkout.toUri().toString())
                .setDirectory(served.toFile())
                .call()
                .close();
        server = GitHttpServer.start(root, "ktx", TOKEN);
        repoUrl = server.url("acme.git").toString();
        stack = E2eStack.up(Map.of("KTX_REPOS_REMOTES", server.url("").toString(), "KTX_GIT_TOKEN", TOKEN));
    }

    @AfterAll
    static void down() {
        stack.close();
        server.close();
    }

    @Test
    void theDemoLandsOnTheRemoteOneSquashPerSessionWithNoSessionRefLeftAndASecondRunAddsNothing() throws Exception {
        String initialMain = mainHead();

        E2eStack.Result run = stack.ktx("ingest", "--all", "--repo-url", repoUrl, "--json");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        report.get("results")
                .forEach(target -> target.get("steps")
                        .forEach(step -> assertThat(step.get("status").asText())
                                .as(target + " " + step)
                                .isIn("done", "skipped")));
        try (LocalContextRepository onServer = LocalContextRepository.open(served)) {
            assertThat(onServer.sessions())
                    .as("no session refs left on the remote")
                    .isEmpty();
            assertThat(onServer.sentinels()).isEmpty();
            var main = onServer.tree(onServer.mainHead().orElseThrow());
            assertThat(main.listFiles("semantic-layer/warehouse/_schema"))
                    .contains("semantic-layer/warehouse/_schema/public.yaml");
            assertThat(main.exists("wiki/global/activation-policy-change-jan-2026.md"))
                    .as("notion snapshot read")
                    .isTrue();
            assertThat(main.listFiles("wiki/global")).anyMatch(p -> p.startsWith("wiki/global/metabase-"));
        }
        List<RevCommit> landed = commitsSince(initialMain);
        assertThat(landed).as("one squash commit per session").isNotEmpty().allSatisfy(commit -> {
            assertThat(commit.getParentCount()).isEqualTo(1);
            assertThat(commit.getFooterLines("Ktx-Session")).hasSize(1);
        });
        assertThat(landed.stream()
                        .map(commit -> commit.getFooterLines("Ktx-Session").get(0))
                        .distinct())
                .hasSameSizeAs(landed);
        for (String service : SERVICES) {
            assertThat(stack.stackDir().resolve("repos-cache").resolve(service).resolve("mirrors"))
                    .as(service + " mirrors the remote in a cache of its own")
                    .isDirectoryContaining("glob:**.git");
        }

        String afterFirstRun = mainHead();
        E2eStack.Result again = stack.ktx("ingest", "--all", "--repo-url", repoUrl);
        assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
        assertThat(mainHead()).as("unchanged inputs add no commit").isEqualTo(afterFirstRun);
        assertThat(remoteRefs())
                .as("no session, hand-off or sentinel ref")
                .allMatch(name ->
                        name.equals("HEAD") || name.equals("refs/heads/main") || name.startsWith("refs/ktx/runs/"));
    }

    private static String mainHead() throws Exception {
        try (Repository repo = open()) {
            return repo.exactRef("refs/heads/main").getObjectId().name();
        }
    }

    private static List<RevCommit> commitsSince(String commit) throws Exception {
        try (Repository repo = open();
                Git git = new Git(repo)) {
            List<RevCommit> commits = new ArrayList<>();
            git.log()
                    .addRange(repo.resolve(commit), repo.resolve("refs/heads/main"))
                    .call()
                    .forEach(commits::add);
            return commits;
        }
    }

    private static List<String> remoteRefs() throws Exception {
        try (Repository repo = open()) {
            return repo.getRefDatabase().getRefs().stream().map(Ref::getName).toList();
        }
    }

    private static Repository open() throws Exception {
        return new FileRepositoryBuilder()
                .setGitDir(served.toFile())
                .setMustExist(true)
                .build();
    }
}
