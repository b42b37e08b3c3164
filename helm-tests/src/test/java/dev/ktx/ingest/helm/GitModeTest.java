package dev.ktx.ingest.helm;

import static dev.ktx.ingest.helm.HelmChart.FULLNAME;
import static dev.ktx.ingest.helm.HelmChart.SERVICES;
import static dev.ktx.ingest.helm.HelmChart.render;
import static dev.ktx.ingest.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code repo.mode: git}: remote context repositories, a per-pod cache of mirrors and no shared volume. */
class GitModeTest {

    private static final String CONFIG_MAP = FULLNAME + "-config";
    private static final String CACHE_PATH = "/var/cache/ktx/repos";
    private static final Map<String, Object> CACHE_MOUNT = Map.of("name", "repo-cache", "mountPath", CACHE_PATH);

    @Test
    void rendersNoClaimAndMountsOnlyThePerPodCache() {
        Manifests manifests = render("git-remote.yaml");

        assertThat(manifests.ofKind("PersistentVolumeClaim")).isEmpty();
        for (String service : SERVICES) {
            assertThat(volumes(manifests, service))
                    .as(service)
                    .containsExactly(Map.of("name", "repo-cache", "emptyDir", Map.of("sizeLimit", "5Gi")));
            assertThat(volumeMounts(manifests, service)).as(service).containsExactly(CACHE_MOUNT);
        }
    }

    @Test
    void setsTheRemotesUserAndCacheAndTakesTheTokenOnlyFromTheSecret() {
        Manifests manifests = render(Map.of("repo.git.user", "ktx-bot"), "git-remote.yaml");

        assertThat(manifests.configMapData(CONFIG_MAP))
                .containsEntry("KTX_REPOS_REMOTES", "https://git.example.com/data/,https://git.example.com/acme/")
                .containsEntry("KTX_GIT_USER", "ktx-bot")
                .containsEntry("KTX_REPOS_CACHE", CACHE_PATH)
                .doesNotContainKey("KTX_GIT_TOKEN");
        for (String service : SERVICES) {
            assertThat(manifests.env(service))
                    .as(service)
                    .containsEntry(
                            "KTX_GIT_TOKEN",
                            Map.of(
                                    "name",
                                    "KTX_GIT_TOKEN",
                                    "valueFrom",
                                    Map.of("secretKeyRef", Map.of("name", "ktx-git", "key", "token"))));
        }
    }

    @Test
    void aPvcCacheIsAnEphemeralClaimPerPod() {
        Manifests manifests = render(
                Map.of(
                        "repo.git.cache.type",
                        "pvc",
                        "repo.git.cache.size",
                        "20Gi",
                        "repo.git.cache.storageClassName",
                        "fast-ssd"),
                "git-remote.yaml");

        // a Deployment cannot have volumeClaimTemplates; an ephemeral volume is a claim created and deleted with its
        // pod
        assertThat(manifests.ofKind("PersistentVolumeClaim")).isEmpty();
        for (String service : SERVICES) {
            Map<String, Object> cache = volumes(manifests, service).get(0);
            assertThat(cache).containsOnlyKeys("name", "ephemeral");
            Map<String, Object> claim = get(cache, "ephemeral.volumeClaimTemplate.spec");
            assertThat(claim)
                    .containsEntry("accessModes", List.of("ReadWriteOnce"))
                    .containsEntry("storageClassName", "fast-ssd")
                    .containsEntry("resources", Map.of("requests", Map.of("storage", "20Gi")));
            assertThat(volumeMounts(manifests, service)).containsExactly(CACHE_MOUNT);
        }
    }

    @Test
    void pvcModeHasNoGitSettings() {
        Manifests manifests = render("defaults.yaml");

        assertThat(manifests.configMapData(CONFIG_MAP).keySet())
                .doesNotContain("KTX_REPOS_REMOTES", "KTX_GIT_USER", "KTX_REPOS_CACHE");
        for (String service : SERVICES) {
            assertThat(manifests.env(service)).doesNotContainKey("KTX_GIT_TOKEN");
            assertThat(volumes(manifests, service))
                    .extracting(v -> v.get("name"))
                    .containsExactly("repos");
        }
    }

    @Test
    void missingRemotesOrTokenSecretFailTheRenderingNamingTheValue() {
        assertThatThrownBy(() ->
                        render(Map.of("repo.mode", "git", "repo.git.tokenSecret.name", "ktx-git"), "defaults.yaml"))
                .hasMessageContaining("repo.git.remotes is required with repo.mode git");
        assertThatThrownBy(() -> render(Map.of("repo.git.tokenSecret.name", ""), "git-remote.yaml"))
                .hasMessageContaining("repo.git.tokenSecret.name is required with repo.mode git");
        assertThatThrownBy(() -> render(Map.of("repo.git.cache.type", "hostPath"), "git-remote.yaml"))
                .hasMessageContaining("repo.git.cache.type must be emptyDir or pvc");
        assertThatThrownBy(() -> render(Map.of("repo.mode", "nfs"), "defaults.yaml"))
                .hasMessageContaining("repo.mode must be pvc or git");
    }

    @Test
    void aRemoteWithCredentialsIsRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> render(
                        Map.of(
                                "repo.git.remotes[0]",
                                "https://git.example.com/data/",
                                "repo.git.remotes[1]",
                                "https://ktx:hunter2@git.example.com/acme/"),
                        "git-remote.yaml"))
                .hasMessageContaining("repo.git.remotes[1] must be an http(s) URL prefix without credentials")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> render(Map.of("repo.git.remotes[0]", "git@git.example.com:data/"), "git-remote.yaml"))
                .hasMessageContaining("repo.git.remotes[0] must be an http(s) URL prefix");
        assertThatThrownBy(() -> render(
                        Map.of("repo.git.remotes", "https://ktx:hunter2@git.example.com/acme/"), "git-remote.yaml"))
                .hasMessageContaining("repo.git.remotes must be a list of URL prefixes")
                .hasMessageNotContaining("hunter2");
    }

    private static List<Map<String, Object>> volumes(Manifests manifests, String service) {
        return get(manifests.deployment(service), "spec.template.spec.volumes");
    }

    private static List<Map<String, Object>> volumeMounts(Manifests manifests, String service) {
        return get(manifests.container(service), "volumeMounts");
    }
}
