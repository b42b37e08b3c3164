package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The profile {@code git} of docker-compose.yml: Gitea, its init job and the four services against it, each with its
 * own cache of mirrors and no shared repository volume. Offline only: nothing here starts a container.
 */
class GitProfileTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final List<String> SERVICES = ComposeFile.KTX_SERVICES;
    private static final String REMOTES = "http://gitea:3000/ktx/";

    @Test
    void theProfileHoldsGiteaItsInitJobAndTheFourServices() {
        List<String> inProfile = COMPOSE.services().keySet().stream()
                .filter(name ->
                        ComposeFile.strings(COMPOSE.service(name), "profiles").contains("git"))
                .toList();

        assertThat(inProfile)
                .containsExactlyInAnyOrder(
                        "gitea",
                        "gitea-init",
                        "planner-service-git",
                        "database-ingest-service-git",
                        "source-ingest-service-git",
                        "finalizer-service-git");
        String image = COMPOSE.service("gitea").get("image").toString();
        assertThat(image).as("pinned to a version tag").matches("gitea/gitea:\\d+\\.\\d+\\.\\d+");
        assertThat(COMPOSE.service("gitea-init")).containsEntry("image", image);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void runsTheServiceImageWithTheRemoteSettingsOnceGiteaIsReady(String service) {
        Map<String, Object> git = COMPOSE.service(gitVariant(service));
        Map<String, String> environment = COMPOSE.environment(gitVariant(service));

        assertThat(git.get("image")).isEqualTo(COMPOSE.service(service).get("image"));
        assertThat(ComposeFile.map(ComposeFile.map(git, "depends_on"), "gitea-init"))
                .containsEntry("condition", "service_completed_successfully");
        assertThat(ComposeFile.map(git, "depends_on")).containsKeys("kafka", "redis", "kafka-topics");
        assertThat(git.get("healthcheck")).isEqualTo(COMPOSE.service(service).get("healthcheck"));
        assertThat(environment).containsEntry("KTX_REPOS_REMOTES", REMOTES).containsEntry("KTX_GIT_USER", "ktx");
        assertThat(environment.get("KTX_GIT_TOKEN"))
                .as("from the environment or .env")
                .matches("\\$\\{KTX_GIT_TOKEN[:}].*");
        assertThat(environment)
                .containsKeys(ServiceProperties.of(service).variablesToSet().toArray(String[]::new));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void mountsItsOwnCacheVolumeAndNoSharedRepositories(String service) {
        String variant = gitVariant(service);
        List<String> volumes = ComposeFile.strings(COMPOSE.service(variant), "volumes");
        String cache = COMPOSE.environment(variant).get("KTX_REPOS_CACHE");

        assertThat(volumes).singleElement().asString().endsWith(":" + cache).doesNotStartWith("repos:");
        String volume = volumes.get(0).substring(0, volumes.get(0).indexOf(':'));
        assertThat(ComposeFile.map(COMPOSE.root(), "volumes")).containsKey(volume);
        assertThat(servicesMounting(volume)).as("services mounting " + volume).containsExactly(variant);
    }

    @Test
    void theInitJobCreatesTheRepositoryUnderTheAllowedPrefixWithTheServicesToken() {
        Map<String, Object> init = COMPOSE.service("gitea-init");
        Map<String, String> environment = COMPOSE.environment("gitea-init");

        assertThat(environment.get("GITEA_URL") + "/" + environment.get("KTX_GIT_USER") + "/")
                .isEqualTo(REMOTES);
        assertThat(environment.get("KTX_GIT_TOKEN"))
                .isEqualTo(COMPOSE.environment("finalizer-service-git").get("KTX_GIT_TOKEN"));
        assertThat(ComposeFile.map(ComposeFile.map(init, "depends_on"), "gitea"))
                .containsEntry("condition", "service_healthy");
        assertThat(ComposeFile.strings(init, "volumes"))
                .contains("gitea-data:/data", "./examples/acme:/examples/acme:ro", "./deploy/docker:/ktx:ro");
        assertThat(ComposeFile.strings(COMPOSE.service("gitea"), "volumes")).contains("gitea-data:/data");
        assertThat(ComposeFile.strings(init, "entrypoint")).containsExactly("/bin/sh", "/ktx/gitea-init.sh");
        // the script builds the repository URL the services are allowed to reach from the same variables
        assertThat(RepoFiles.read("deploy/docker/gitea-init.sh"))
                .contains(
                        "\"$GITEA_URL/$KTX_GIT_USER/acme.git\"",
                        "gitea admin user create",
                        "$GITEA_URL/api/v1/user/repos");
    }

    private static List<String> servicesMounting(String volume) {
        List<String> services = new ArrayList<>();
        for (String name : COMPOSE.services().keySet()) {
            if (ComposeFile.strings(COMPOSE.service(name), "volumes").stream()
                    .anyMatch(v -> v.startsWith(volume + ":"))) {
                services.add(name);
            }
        }
        return services;
    }

    private static String gitVariant(String service) {
        return service + "-git";
    }
}
