package dev.ktx.ingest.helm;

import static dev.ktx.ingest.helm.HelmChart.FULLNAME;
import static dev.ktx.ingest.helm.HelmChart.SERVICES;
import static dev.ktx.ingest.helm.HelmChart.render;
import static dev.ktx.ingest.helm.Manifests.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

class ChartRenderTest {

    private static final String CONFIG_MAP = FULLNAME + "-config";
    private static final String PVC = FULLNAME + "-repos";
    private static final String SOURCE_WORKER = FULLNAME + "-source-ingest-service";

    @ParameterizedTest
    @ValueSource(strings = {"defaults.yaml", "keda.yaml", "git-remote.yaml", "secrets.yaml"})
    void oneDeploymentAndServicePerServiceWithHealthProbesAndTheConfigMap(String valuesFile) {
        Manifests manifests = render(valuesFile);

        assertThat(manifests.ofKind("Deployment"))
                .extracting(d -> (String) get(d, "metadata.name"))
                .containsExactlyInAnyOrderElementsOf(
                        SERVICES.stream().map(s -> FULLNAME + "-" + s).toList());
        Map<String, String> config = manifests.configMapData(CONFIG_MAP);
        for (String service : SERVICES) {
            Map<String, Object> container = manifests.container(service);
            assertThat((String) get(get(container, "livenessProbe"), "httpGet.path"))
                    .isEqualTo("/q/health/live");
            assertThat((String) get(get(container, "readinessProbe"), "httpGet.path"))
                    .isEqualTo("/q/health/ready");
            assertThat((Object) get(container, "livenessProbe.httpGet.port")).isEqualTo("http");
            assertThat((Object) get(container, "readinessProbe.httpGet.port")).isEqualTo("http");
            assertThat((List<Object>) get(container, "envFrom"))
                    .containsExactly(Map.of("configMapRef", Map.of("name", CONFIG_MAP)));

            // the service listens on the port its Service and probes use
            List<Map<String, Object>> ports = get(container, "ports");
            assertThat(ports)
                    .containsExactly(Map.of(
                            "name", "http", "containerPort", Integer.parseInt(config.get(portVariable(service)))));
            Map<String, Object> svc = manifests.one("Service", FULLNAME + "-" + service);
            assertThat((Map<String, Object>) get(svc, "spec.selector"))
                    .isEqualTo(get(manifests.deployment(service), "spec.selector.matchLabels"));
            assertThat((List<Object>) get(svc, "spec.ports"))
                    .containsExactly(Map.of(
                            "name",
                            "http",
                            "port",
                            Integer.parseInt(config.get(portVariable(service))),
                            "targetPort",
                            "http"));
            assertThat(manifests.one("PodDisruptionBudget", FULLNAME + "-" + service))
                    .isNotNull();
        }
    }

    @Test
    void imagesAndResourcesComeFromValues() {
        Manifests manifests = render(
                Map.of(
                        "image.tag",
                        "1.0.0",
                        "image.pullPolicy",
                        "Always",
                        "sourceIngest.image.tag",
                        "1.0.1",
                        "finalizer.image.repository",
                        "registry.example.com/ktx/finalizer",
                        "finalizer.resources.limits.memory",
                        "3Gi"),
                "defaults.yaml");

        assertThat((String) get(manifests.container("planner-service"), "image"))
                .isEqualTo("ktx-ingest/planner-service:1.0.0");
        assertThat((String) get(manifests.container("source-ingest-service"), "image"))
                .isEqualTo("ktx-ingest/source-ingest-service:1.0.1");
        assertThat((String) get(manifests.container("finalizer-service"), "image"))
                .isEqualTo("registry.example.com/ktx/finalizer:1.0.0");
        assertThat((String) get(manifests.container("finalizer-service"), "resources.limits.memory"))
                .isEqualTo("3Gi");
        for (String service : SERVICES) {
            assertThat((String) get(manifests.container(service), "imagePullPolicy"))
                    .isEqualTo("Always");
        }
    }

    @Test
    void configMapCarriesTheApplicationConfig() {
        Map<String, String> config = render("keda.yaml").configMapData(CONFIG_MAP);

        assertThat(config)
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.data.svc:9092")
                .containsEntry("KTX_REDIS_URL", "redis://redis.data.svc:6379")
                .containsEntry("KTX_TOPIC_PREFIX", "acme.")
                .containsEntry("KTX_SOURCE_CONCURRENCY", "4")
                .containsEntry("KTX_PLANNER_PORT", "8080")
                .containsEntry("KTX_SOURCE_INGEST_PORT", "8082");
    }

    @Test
    void pvcModeMountsOneReadWriteManyClaimInAllFour() {
        Manifests manifests = render("defaults.yaml");

        Map<String, Object> pvc = manifests.one("PersistentVolumeClaim", PVC);
        assertThat((List<Object>) get(pvc, "spec.accessModes")).containsExactly("ReadWriteMany");
        assertThat(manifests.ofKind("PersistentVolumeClaim")).hasSize(1);
        for (String service : SERVICES) {
            assertThat(repoVolume(manifests, service))
                    .isEqualTo(Map.of("name", "repos", "persistentVolumeClaim", Map.of("claimName", PVC)));
            assertThat((List<Object>) get(manifests.container(service), "volumeMounts"))
                    .contains(Map.of("name", "repos", "mountPath", "/var/lib/ktx/repos"));
        }
    }

    @Test
    void existingClaimIsMountedAndNoneCreated() {
        Manifests manifests = render(Map.of("repo.pvc.existingClaim", "context-repos"), "defaults.yaml");

        assertThat(manifests.ofKind("PersistentVolumeClaim")).isEmpty();
        for (String service : SERVICES) {
            assertThat((String) get(repoVolume(manifests, service), "persistentVolumeClaim.claimName"))
                    .isEqualTo("context-repos");
        }
    }

    @Test
    void sourceWorkersScaleByCpuByDefault() {
        Manifests manifests = render("defaults.yaml");

        Map<String, Object> hpa = manifests.one("HorizontalPodAutoscaler", SOURCE_WORKER);
        assertThat((String) get(hpa, "spec.scaleTargetRef.name")).isEqualTo(SOURCE_WORKER);
        assertThat((Object) get(hpa, "spec.maxReplicas")).isEqualTo(4);
        assertThat((List<Object>) get(hpa, "spec.metrics"))
                .singleElement()
                .satisfies(
                        m -> assertThat((Object) get(cast(m), "resource.name")).isEqualTo("cpu"));
        assertThat(manifests.ofKind("ScaledObject")).isEmpty();
        // the autoscaler owns the replica count
        assertThat((Object) get(manifests.deployment("source-ingest-service"), "spec.replicas"))
                .isNull();
        assertThat((Object) get(manifests.deployment("finalizer-service"), "spec.replicas"))
                .isEqualTo(1);
    }

    @Test
    void thePrometheusRuleCarriesTheAlertRulesOfDeployPrometheusWhenEnabled() throws Exception {
        assertThat(render("defaults.yaml").ofKind("PrometheusRule"))
                .as("off by default")
                .isEmpty();

        Map<String, Object> rule = render(Map.of("prometheusRule.enabled", true), "defaults.yaml")
                .ofKind("PrometheusRule")
                .get(0);

        Map<String, Object> alerts =
                new Yaml().load(Files.readString(HelmChart.DIR.resolve("../../prometheus/alerts.yml")));
        assertThat((Object) get(rule, "spec")).isEqualTo(alerts);
        List<Map<String, Object>> groups = get(rule, "spec.groups");
        List<Map<String, Object>> rules =
                (List<Map<String, Object>>) groups.get(0).get("rules");
        assertThat(rules)
                .extracting(r -> r.get("alert"))
                .contains("KtxConsumerLagGrowing", "KtxDeadLetters", "KtxFinalizerDown");
    }

    @Test
    void kedaScalesSourceWorkersOnConsumerLagInsteadOfTheHpa() {
        Manifests manifests = render("keda.yaml");

        assertThat(manifests.ofKind("HorizontalPodAutoscaler")).isEmpty();
        Map<String, Object> scaledObject = manifests.one("ScaledObject", SOURCE_WORKER);
        assertThat((String) get(scaledObject, "apiVersion")).isEqualTo("keda.sh/v1alpha1");
        assertThat((String) get(scaledObject, "spec.scaleTargetRef.name")).isEqualTo(SOURCE_WORKER);
        assertThat((Object) get(scaledObject, "spec.maxReplicaCount")).isEqualTo(6);
        List<Map<String, Object>> triggers = get(scaledObject, "spec.triggers");
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger.get("type")).isEqualTo("kafka");
            assertThat((Map<String, Object>) get(trigger, "metadata"))
                    .containsEntry("bootstrapServers", "kafka.data.svc:9092")
                    .containsEntry("consumerGroup", "ktx-source-ingest")
                    .containsEntry("topic", "acme.jobs.source")
                    .containsEntry("lagThreshold", "12");
            assertThat((String) get(trigger, "authenticationRef.name")).isEqualTo("ktx-kafka-keda-auth");
        });
        assertThat((Object) get(manifests.deployment("source-ingest-service"), "spec.replicas"))
                .isNull();
    }

    @Test
    void moreSourceReplicasThanPartitionsFailTheRendering() {
        // keda.yaml: 24 partitions; defaults.yaml: 16
        assertThatThrownBy(() -> render(Map.of("sourceIngest.keda.maxReplicaCount", 25), "keda.yaml"))
                .hasMessageContaining(
                        "sourceIngest.keda.maxReplicaCount (25) exceeds kafka.topics.jobsSourcePartitions (24)");
        assertThat(render(Map.of("sourceIngest.keda.maxReplicaCount", 24), "keda.yaml")
                        .ofKind("ScaledObject"))
                .hasSize(1);
        assertThatThrownBy(() -> render(Map.of("sourceIngest.hpa.maxReplicas", 17), "defaults.yaml"))
                .hasMessageContaining(
                        "sourceIngest.hpa.maxReplicas (17) exceeds kafka.topics.jobsSourcePartitions (16)");
        assertThatThrownBy(() -> render(
                        Map.of("sourceIngest.hpa.enabled", false, "sourceIngest.replicaCount", 17), "defaults.yaml"))
                .hasMessageContaining("sourceIngest.replicaCount (17)");
    }

    @Test
    void missingKafkaOrRedisFailsTheRenderingWithTheMessage() {
        assertThatThrownBy(() -> render(Map.of("redis.url", "redis://redis:6379")))
                .hasMessageContaining("kafka.bootstrapServers is required");
        assertThatThrownBy(() -> render(Map.of("kafka.bootstrapServers", "kafka:9092")))
                .hasMessageContaining("redis.url is required");
        assertThatThrownBy(() -> render(Map.of("redis.url", "redis://:pw@redis:6379"), "defaults.yaml"))
                .hasMessageContaining("without credentials (use redis.passwordSecret)");
    }

    @Test
    void serviceMonitorOnlyWhenEnabled() {
        assertThat(render("defaults.yaml").ofKind("ServiceMonitor")).isEmpty();

        Map<String, Object> monitor =
                render(Map.of("serviceMonitor.enabled", true), "defaults.yaml").one("ServiceMonitor", FULLNAME);
        assertThat((List<Object>) get(monitor, "spec.endpoints"))
                .containsExactly(Map.of("port", "http", "path", "/q/metrics", "interval", "30s"));
    }

    private static Map<String, Object> repoVolume(Manifests manifests, String service) {
        List<Map<String, Object>> volumes = get(manifests.deployment(service), "spec.template.spec.volumes");
        return volumes.stream()
                .filter(v -> "repos".equals(v.get("name")))
                .findFirst()
                .orElseThrow();
    }

    private static String portVariable(String service) {
        return "KTX_" + service.replace("-service", "").replace('-', '_').toUpperCase() + "_PORT";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object node) {
        return (Map<String, Object>) node;
    }
}
