package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class LocalKafkaProcessTest {

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

    @Test
    void aClasspathWithoutKafkaIsRefusedUpFront() {
        assertThatThrownBy(() -> LocalKafkaProcess.builder().classpath(Files.createTempDirectory("empty").toString())
                .start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.server.KafkaRaftServer");
    }
}
