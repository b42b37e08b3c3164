package dev.ktx.ingest.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The wiring of docker-compose.yml: health, start order, the shared repo volume, Kafka, Redis persistence, the demo warehouse, secrets. */
class ComposeServicesTest {

    private static final List<String> SERVICES = ComposeFile.KTX_SERVICES;
    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final String REPO_VOLUME = "repos";
    private static final String REPO_MOUNT = REPO_VOLUME + ":/repos";

    /** {@code ${NAME}}, {@code ${NAME:-default}}: compose interpolation, i.e. a value from the environment or .env. */
    /** {@code ${VAR}}, with a default ({@code :-}, {@code -}) or required ({@code :?}, {@code ?}). */
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*(:?[-?][^}]*)?}");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|CREDENTIAL).*");
    private static final Pattern URL_PASSWORD = Pattern.compile("://[^:/@\\s]+:(.+)@");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void healthCheckProbesReadinessOnTheServicePort(String service) {
        String port = COMPOSE.httpPort(service);
        Map<String, Object> healthcheck = ComposeFile.map(COMPOSE.service(service), "healthcheck");

        assertThat(port).as("port of %s", service).matches("\\d+");
        assertThat(healthcheck.get("test").toString()).contains("http://localhost:" + port + "/q/health/ready");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void startsWhenKafkaAndRedisAreHealthyAndTheTopicsExist(String service) {
        Map<String, Object> dependsOn = ComposeFile.map(COMPOSE.service(service), "depends_on");

        assertThat(condition(dependsOn, "kafka")).isEqualTo("service_healthy");
        assertThat(condition(dependsOn, "redis")).isEqualTo("service_healthy");
        assertThat(condition(dependsOn, "kafka-topics")).isEqualTo("service_completed_successfully");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void mountsTheSharedRepoVolume(String service) {
        assertThat(ComposeFile.strings(COMPOSE.service(service), "volumes")).contains(REPO_MOUNT);
        assertThat(ComposeFile.map(COMPOSE.root(), "volumes")).containsKey(REPO_VOLUME);
    }

    @Test
    void topicJobCreatesTheTopicListOnTheComposeBroker() {
        Map<String, Object> job = COMPOSE.service("kafka-topics");

        assertThat(condition(ComposeFile.map(job, "depends_on"), "kafka")).isEqualTo("service_healthy");
        assertThat(COMPOSE.environment("kafka-topics")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
        assertThat(ComposeFile.strings(job, "volumes")).contains("./deploy/docker:/ktx:ro");
        assertThat(ComposeFile.strings(job, "entrypoint"))
                .containsExactly("/bin/sh", "/ktx/create-topics.sh", "/ktx/topics.txt");
        assertThat(COMPOSE.environment("kafka"))
                .contains(
                        entry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092"),
                        entry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false"));
    }

    /** A restart of Redis must not lose the runs in flight: append-only file on a named volume. */
    @Test
    void redisKeepsRunStateOnAVolume() {
        Map<String, Object> redis = COMPOSE.service("redis");

        assertThat(String.join(" ", ComposeFile.strings(redis, "command"))).contains("--appendonly yes");
        assertThat(ComposeFile.strings(redis, "volumes")).contains("redis-data:/data");
        assertThat(ComposeFile.map(COMPOSE.root(), "volumes")).containsKey("redis-data");
    }

    @Test
    void kafkaImageIsTheVersionOfTheClients() {
        String image = "apache/kafka:" + System.getProperty("kafka.version");

        assertThat(System.getProperty("kafka.version"))
                .as("kafka.version of the parent pom")
                .isNotBlank();
        assertThat(COMPOSE.service("kafka")).containsEntry("image", image);
        assertThat(COMPOSE.service("kafka-topics")).containsEntry("image", image);
    }

    @Test
    void kafkaClusterIdIsABase64Uuid() {
        String clusterId = COMPOSE.environment("kafka").get("CLUSTER_ID");

        assertThat(Base64.getUrlDecoder().decode(clusterId)).hasSize(16);
    }

    /** examples/acme/ktx.yaml reads the warehouse URL from WAREHOUSE_URL; it must reach the compose PostgreSQL. */
    @Test
    void databaseWorkerReachesTheDemoWarehouse() {
        Map<String, Object> warehouse =
                ComposeFile.map(ComposeFile.map(RepoFiles.yaml("examples/acme/ktx.yaml"), "connections"), "warehouse");
        String variable = warehouse.get("url").toString().replaceFirst("^env:", "");
        String database = COMPOSE.environment("postgres").get("POSTGRES_DB");

        assertThat(variable).isEqualTo("WAREHOUSE_URL");
        assertThat(COMPOSE.environment("database-ingest-service").get(variable))
                .matches("postgresql://postgres:[^@]+@postgres:5432/" + database);
        assertThat(condition(ComposeFile.map(COMPOSE.service("database-ingest-service"), "depends_on"), "postgres"))
                .isEqualTo("service_healthy");
        assertThat(ComposeFile.strings(COMPOSE.service("postgres"), "volumes"))
                .contains("./examples/acme/warehouse/schema.sql:/docker-entrypoint-initdb.d/schema.sql:ro");
    }

    @Test
    void secretsComeFromTheEnvironment() {
        assertThat(inlineSecrets(COMPOSE.root(), "")).isEmpty();
    }

    @Test
    void inlineSecretsAreFound() {
        Map<String, Object> compose = RepoFiles.parseYaml("""
                services:
                  db:
                    environment:
                      POSTGRES_PASSWORD: hunter2
                      APP_TOKEN: ${APP_TOKEN}
                  app:
                    environment:
                      - DB_URL=postgresql://app:hunter2@db/app
                      - OTHER_URL=postgresql://app:${DB_PASSWORD:-demo}@db/app
                """);

        assertThat(inlineSecrets(compose, ""))
                .containsExactly("/services/db/environment/POSTGRES_PASSWORD", "/services/app/environment/0");
    }

    @Test
    void everyBindMountAndBuildContextExists() {
        List<String> paths = new ArrayList<>();
        for (String name : COMPOSE.services().keySet()) {
            Map<String, Object> service = COMPOSE.service(name);
            ComposeFile.strings(service, "volumes").stream()
                    .filter(volume -> volume.startsWith("./"))
                    .forEach(volume -> paths.add(volume.substring(0, volume.indexOf(':'))));
            if (service.get("build") instanceof Map<?, ?> build) {
                paths.add(build.get("context") + "/" + build.get("dockerfile"));
            }
        }

        assertThat(paths)
                .isNotEmpty()
                .allSatisfy(path -> assertThat(RepoFiles.path(path)).exists());
        // the four services, ktx-cli and demo-project
        assertThat(paths).filteredOn(path -> path.endsWith("Dockerfile")).hasSize(SERVICES.size() + 2);
    }

    private static Object condition(Map<String, Object> dependsOn, String dependency) {
        return ComposeFile.map(dependsOn, dependency).get("condition");
    }

    /** Paths of values that hold a secret literally: a secret-named variable or a URL's password not interpolated. */
    private static List<String> inlineSecrets(Object node, String path) {
        List<String> found = new ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String child = path + "/" + key;
                if (SECRET_NAME.matcher(key.toString()).matches()
                        && value != null
                        && !INTERPOLATION.matcher(value.toString()).matches()) {
                    found.add(child);
                } else {
                    found.addAll(inlineSecrets(value, child));
                }
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                found.addAll(inlineSecrets(list.get(i), path + "/" + i));
            }
        } else if (node != null) {
            Matcher url = URL_PASSWORD.matcher(node.toString());
            if (url.find() && !INTERPOLATION.matcher(url.group(1)).matches()) {
                found.add(path);
            }
        }
        return found;
    }
}
