package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ktx.ingest.cli.CliEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each service's process is given: the stack's endpoints, its remotes, and the git credentials of the caller. */
class QuarkusServiceTest {

    private static final String REMOTES = "https://git.example.com/ctx/,file:///srv/git/";

    @TempDir
    Path home;

    @Test
    void everyServiceGetsTheAllowedRemotesAndTheGitCredentialsFromTheEnvironment() throws IOException {
        CliEnvironment environment =
                new CliEnvironment(Map.of("KTX_GIT_TOKEN", "s3cret", "KTX_GIT_USER", "bot"), Clock.systemUTC(), home);
        StackEnv endpoints = StackEnv.empty()
                .with(StackEnv.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092")
                .with(StackEnv.REDIS_URL, "redis://127.0.0.1:6379")
                .with(StackEnv.API_TOKEN, "api")
                .with(StackEnv.REPOS_ROOT, home.toString())
                .with(StackEnv.REPOS_REMOTES, REMOTES);

        for (QuarkusService.Definition definition : Stack.SERVICES) {
            QuarkusService service = new QuarkusService(definition, environment, StackLayout.of(environment));
            Files.createDirectories(service.jar().getParent());
            Files.createFile(service.jar());

            Map<String, String> variables = service.variables(service.launch(endpoints));

            assertThat(variables)
                    .as(definition.module())
                    .containsEntry(StackEnv.REPOS_REMOTES, REMOTES)
                    .containsEntry("KTX_GIT_TOKEN", "s3cret")
                    .containsEntry("KTX_GIT_USER", "bot");
        }
    }

    @Test
    void withoutRemotesThePlannerIsGivenNone() throws IOException {
        CliEnvironment environment = new CliEnvironment(Map.of(), Clock.systemUTC(), home);
        StackEnv endpoints = StackEnv.empty()
                .with(StackEnv.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9092")
                .with(StackEnv.REDIS_URL, "redis://127.0.0.1:6379")
                .with(StackEnv.API_TOKEN, "api")
                .with(StackEnv.REPOS_ROOT, home.toString());
        QuarkusService service = new QuarkusService(Stack.SERVICES.get(0), environment, StackLayout.of(environment));
        Files.createDirectories(service.jar().getParent());
        Files.createFile(service.jar());

        assertThat(service.variables(service.launch(endpoints))).doesNotContainKey(StackEnv.REPOS_REMOTES);
    }
}
