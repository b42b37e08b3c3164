package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.KafkaBrokerMain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaProcessIT {

    @Test
    void aBrokerProcessCarriesRecordsAndIsGoneAfterClose() throws Exception {
        LocalKafkaProcess kafka = LocalKafkaProcess.builder().numPartitions(3).start();
        KafkaEndpoint endpoint = kafka.endpoint();
        ProcessHandle broker = ProcessHandle.of(kafka.pid()).orElseThrow();
        try {
            assertThat(broker.info().commandLine().orElse("")).contains("-Xmx" + LocalKafkaProcess.DEFAULT_MAX_HEAP);
            String topic = KafkaEndpoint.uniqueName("process");

            KafkaClients.produce(endpoint, topic, "key-1", "over there");

            var records = KafkaClients.consume(endpoint, topic, 1, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("over there");
            assertThat(endpoint.partitionCounts(Set.of(topic))).containsEntry(topic, 3);
        } finally {
            kafka.close();
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isFalse();
        assertThat(kafka.dataDir()).doesNotExist();
    }

    /** A broker killed with SIGKILL comes back on its own data and port, as the local stack and fault drills need. */
    @Test
    void aBrokerRestartedOnItsDataKeepsItsRecords(@TempDir Path dir) throws Exception {
        int port = FreePort.find();
        String topic = KafkaEndpoint.uniqueName("restart");
        LocalKafkaProcess first =
                LocalKafkaProcess.builder().directory(dir).port(port).start();
        try {
            KafkaClients.produce(first.endpoint(), topic, "key-1", "before the crash");
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        } finally {
            first.close();
        }

        try (LocalKafkaProcess second =
                LocalKafkaProcess.builder().directory(dir).port(port).start()) {
            var records = KafkaClients.consume(second.endpoint(), topic, 1, Duration.ofSeconds(30));
            assertThat(records).extracting(ConsumerRecord::value).containsExactly("before the crash");
        }
    }

    /** What happens when the test JVM is killed with SIGKILL: no shutdown hook runs, the broker notices alone. */
    @Test
    void anOrphanedBrokerStopsAndDeletesItsDirectory(@TempDir Path dir) throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        Path data = dir.resolve("broker");
        Path log = dir.resolve("broker.log");
        LocalProcess broker = LocalProcess.start(
                "orphan",
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx160m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-D" + KafkaBrokerMain.PARENT_PID_PROPERTY + "=" + parent.pid(),
                        "-D" + KafkaBrokerMain.ORPHAN_DELETES_PROPERTY + "=" + data,
                        KafkaBrokerMain.class.getName(),
                        data.resolve("kafka").toString(),
                        Integer.toString(FreePort.find())),
                log,
                () -> Files.readString(log).contains(KafkaBrokerMain.READY),
                Duration.ofSeconds(60));
        try {
            ProcessHandle handle = ProcessHandle.of(broker.pid()).orElseThrow();

            parent.destroyForcibly().waitFor();

            handle.onExit().get(20, TimeUnit.SECONDS);
            assertThat(data).doesNotExist();
            assertThat(Files.readString(log)).contains("is gone; stopping the broker");
        } finally {
            broker.close();
            parent.destroyForcibly();
        }
    }

    @Test
    void aClasspathWithoutKafkaIsRefusedUpFront() {
        assertThatThrownBy(() -> LocalKafkaProcess.builder()
                        .classpath(Files.createTempDirectory("empty").toString())
                        .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.server.KafkaRaftServer");
    }
}
