package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class KafkaServiceIT {

    private static final Environment NO_DOCKER = new Environment(Map.of(), () -> false);

    private static Environment withoutDocker(Map<String, String> variables) {
        return new Environment(variables, () -> {
            throw new AssertionError("Docker must not be consulted");
        });
    }

    @Test
    void usesTheBootstrapServersFromTheEnvironmentWithoutAskingForDocker() {
        try (KafkaService kafka = KafkaService.start(
                withoutDocker(Map.of(KafkaService.BOOTSTRAP_VARIABLE, "10.1.2.3:9092,10.1.2.4:9092")))) {
            assertThat(kafka.origin()).isEqualTo(Origin.ENVIRONMENT);
            assertThat(kafka.bootstrapServers()).isEqualTo("10.1.2.3:9092,10.1.2.4:9092");
        }
    }

    @Test
    void theTestVariableWinsOverTheGeneralOne() {
        try (KafkaService kafka = KafkaService.start(withoutDocker(Map.of(
                KafkaService.BOOTSTRAP_VARIABLE, "10.1.2.3:9092",
                KafkaService.TEST_BOOTSTRAP_VARIABLE, "127.0.0.1:19092")))) {
            assertThat(kafka.endpoint()).isEqualTo(new KafkaEndpoint("127.0.0.1:19092"));
        }
    }

    @Test
    void malformedSettingsFailInsteadOfFallingBack() {
        assertThatThrownBy(() -> KafkaService.start(
                        withoutDocker(Map.of(KafkaService.BOOTSTRAP_VARIABLE, "PLAINTEXT://10.1.2.3:9092"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> KafkaService.start(withoutDocker(Map.of(KafkaService.LOCAL_VARIABLE, "docker"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'in-process' or 'process'");
        assertThatThrownBy(() -> KafkaService.start(withoutDocker(Map.of(KafkaService.PARTITIONS_VARIABLE, "0"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(KafkaService.PARTITIONS_VARIABLE);
    }

    @Test
    void anInProcessBrokerOfOnesOwnServesAndIsGoneAfterClose() throws Exception {
        KafkaEndpoint endpoint;
        try (KafkaService kafka =
                KafkaService.start(new Environment(Map.of(KafkaService.PARTITIONS_VARIABLE, "2"), () -> false))) {
            endpoint = kafka.endpoint();
            assertThat(kafka.origin()).isEqualTo(Origin.LOCAL);
            assertThat(kafka.toString()).contains("in-process");
            String topic = KafkaEndpoint.uniqueName("auto");
            KafkaClients.produce(endpoint, topic, "k", "v");
            assertThat(endpoint.partitionCounts(Set.of(topic))).containsEntry(topic, 2);
        }
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isFalse();
    }

    @Test
    void theSharedBrokerCarriesRecords() throws Exception {
        KafkaService kafka = KafkaService.shared();
        String topic = KafkaEndpoint.uniqueName("round-trip");

        KafkaClients.produce(kafka.endpoint(), topic, "key-1", "hello");

        var records = KafkaClients.consume(kafka.endpoint(), topic, 1, Duration.ofSeconds(30));
        assertThat(records)
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("key-1", "hello"));
    }

    @Test
    void createTopicsCreatesAndGrowsButNeverShrinks() {
        KafkaService kafka = KafkaService.shared();
        String six = KafkaEndpoint.uniqueName("six");
        String grown = KafkaEndpoint.uniqueName("grown");

        kafka.createTopics(Map.of(six, 6, grown, 2));
        kafka.createTopics(Map.of(six, 3, grown, 4));

        assertThat(kafka.endpoint().partitionCounts(Set.of(six, grown))).isEqualTo(Map.of(six, 6, grown, 4));
        assertThatThrownBy(() -> kafka.createTopics(Map.of(six, 0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSharedBrokerIsCloseProofAndOnePerJvm() throws Exception {
        KafkaService shared = KafkaService.shared();
        shared.close();
        assertThat(KafkaService.shared()).isSameAs(shared);
        assertThat(Ports.isListening(shared.endpoint().host(), shared.endpoint().port()))
                .isTrue();

        // What a Quarkus restart does: load this module again in a class loader of its own. Its shared() must find
        // the broker held by the system class loader's copy instead of starting another one.
        URL[] classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(URL[]::new);
        try (URLClassLoader restarted = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Class<?> otherCopy = restarted.loadClass(KafkaService.class.getName());
            assertThat(otherCopy).isNotSameAs(KafkaService.class);
            Object otherShared = otherCopy.getMethod("shared").invoke(null);
            Object otherServers = otherCopy.getMethod("bootstrapServers").invoke(otherShared);
            assertThat(otherServers).isEqualTo(shared.bootstrapServers());
        }
    }
}
