package dev.ktx.ingest.helm;

import static dev.ktx.ingest.helm.HelmChart.SERVICES;
import static dev.ktx.ingest.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The chart holds no secret value: only references to existing Secrets (secrets.yaml sets every one). */
class SecretReferencesTest {

    /** Names of variables and keys that carry a secret. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i).*(password|token|jaas|api_?key|credential|secret|warehouse_url).*");

    private final Manifests manifests = HelmChart.render("secrets.yaml");

    @Test
    void noManifestContainsASecretValueGivenInValues() throws IOException {
        // secrets.yaml puts secret-looking strings where an inline secret value would most likely be read from
        List<String> canaries = new ArrayList<>();
        collectStrings(new Yaml().load(Files.readString(HelmChart.valuesFile("secrets.yaml"))), canaries);
        canaries.removeIf(s -> !s.contains("canary-"));
        assertThat(canaries).hasSizeGreaterThanOrEqualTo(8);

        for (String canary : canaries) {
            assertThat(manifests.text()).as("rendered manifests").doesNotContain(canary);
        }
        assertThat(manifests.text()).doesNotContain("canary-");
    }

    @Test
    void secretsReachTheContainersOnlyAsSecretKeyRefs() {
        assertThat(manifests.ofKind("Secret")).isEmpty();
        assertThat(manifests.configMapData(HelmChart.FULLNAME + "-config").keySet())
                .noneMatch(key -> SECRET_NAME.matcher(key).matches());
        for (String service : SERVICES) {
            for (Map<String, Object> env : manifests.env(service).values()) {
                String name = (String) env.get("name");
                if (env.containsKey("value")) {
                    assertThat(name).as("inline env of " + service).doesNotMatch(SECRET_NAME);
                    assertThat((String) env.get("value")).doesNotContainIgnoringCase("password=");
                } else {
                    assertThat((Map<String, Object>) get(env, "valueFrom"))
                            .as(name + " of " + service)
                            .containsOnlyKeys("secretKeyRef");
                }
            }
        }
    }

    @Test
    void everyServiceGetsTheSharedSecretsAndOnlyItsOwnOthers() {
        for (String service : SERVICES) {
            Map<String, Map<String, Object>> env = manifests.env(service);
            assertThat(secretRef(env, "KAFKA_SASL_JAAS_CONFIG")).isEqualTo("ktx-kafka-sasl/sasl.jaas.config");
            assertThat(secretRef(env, "KAFKA_SSL_TRUSTSTORE_PASSWORD"))
                    .isEqualTo("ktx-kafka-truststore/truststore.password");
            assertThat(secretRef(env, "KTX_REDIS_PASSWORD")).isEqualTo("ktx-redis/redis-password");
            assertThat(secretRef(env, "KTX_GIT_TOKEN")).isEqualTo("ktx-git/token");
            // Kubernetes expands $(KTX_REDIS_PASSWORD) only from variables defined before
            assertThat(List.copyOf(env.keySet())).containsSubsequence("KTX_REDIS_PASSWORD", "KTX_REDIS_URL");
            assertThat(env.get("KTX_REDIS_URL"))
                    .containsEntry("value", "rediss://:$(KTX_REDIS_PASSWORD)@redis.data.svc:6380");

            boolean worker = service.equals("database-ingest-service") || service.equals("source-ingest-service");
            for (String connectorSecret : List.of("WAREHOUSE_URL", "METABASE_API_KEY", "NOTION_TOKEN")) {
                assertThat(env.containsKey(connectorSecret))
                        .as(connectorSecret + " in " + service)
                        .isEqualTo(worker);
            }
            assertThat(env.containsKey("KTX_PLANNER_API_TOKEN")).isEqualTo(service.equals("planner-service"));
        }
        assertThat(secretRef(manifests.env("source-ingest-service"), "NOTION_TOKEN"))
                .isEqualTo("ktx-connectors/notion-token");
        assertThat(secretRef(manifests.env("planner-service"), "KTX_PLANNER_API_TOKEN"))
                .isEqualTo("ktx-planner/api-token");
    }

    @Test
    void thePlannerNeedsItsTokenSecretUnlessAuthIsNoneExplicitly() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("planner.apiTokenSecret.name", ""), "defaults.yaml"))
                .hasMessageContaining("planner.apiTokenSecret.name is required");

        Manifests open =
                HelmChart.render(Map.of("planner.apiTokenSecret.name", "", "planner.auth", "none"), "defaults.yaml");
        assertThat(open.env("planner-service"))
                .doesNotContainKey("KTX_PLANNER_API_TOKEN")
                .containsEntry("KTX_PLANNER_AUTH", Map.of("name", "KTX_PLANNER_AUTH", "value", "none"));
    }

    @Test
    void thePlannerServesOnlyProjectsBelowTheRepositoriesMount() {
        assertThat(HelmChart.render(Map.of(), "defaults.yaml").env("planner-service"))
                .containsEntry("KTX_REPOS_ROOT", Map.of("name", "KTX_REPOS_ROOT", "value", "/var/lib/ktx/repos"));
        assertThat(HelmChart.render(Map.of("planner.reposRoot", "/var/lib/ktx/repos/team-a"), "defaults.yaml")
                        .env("planner-service"))
                .containsEntry(
                        "KTX_REPOS_ROOT", Map.of("name", "KTX_REPOS_ROOT", "value", "/var/lib/ktx/repos/team-a"));
        assertThat(manifests.env("finalizer-service")).doesNotContainKey("KTX_REPOS_ROOT");
    }

    @Test
    void chartValuesHaveNoPlaceForAnInlineSecret() {
        List<String> inline = new ArrayList<>();
        findInlineSecretKeys(HelmChart.values(), "", inline);

        assertThat(inline)
                .as("values that would hold a secret instead of referencing one")
                .isEmpty();
    }

    /** Keys named like a secret with a scalar value: anything but a Secret's name or key there is a secret. */
    private static void findInlineSecretKeys(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String keyPath = path + "." + key;
                boolean scalar = !(value instanceof Map || value instanceof List);
                if (scalar
                        && SECRET_NAME.matcher(key.toString()).matches()
                        && !key.toString().matches(".*(Name|Key)")) {
                    found.add(keyPath);
                }
                findInlineSecretKeys(value, keyPath, found);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> findInlineSecretKeys(item, path + "[]", found));
        }
    }

    private static void collectStrings(Object node, List<String> strings) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, strings));
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectStrings(item, strings));
        } else if (node instanceof String string) {
            strings.add(string);
        }
    }

    private static String secretRef(Map<String, Map<String, Object>> env, String name) {
        Map<String, Object> entry = env.get(name);
        assertThat(entry).as(name).isNotNull().doesNotContainKey("value");
        return get(entry, "valueFrom.secretKeyRef.name") + "/" + get(entry, "valueFrom.secretKeyRef.key");
    }
}
