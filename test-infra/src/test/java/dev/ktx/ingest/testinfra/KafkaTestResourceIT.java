package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KafkaTestResourceIT {

    @Test
    void startCreatesTheTopicsAndPointsTheApplicationAtTheSharedBroker() {
        String topic = KafkaEndpoint.uniqueName("resource");
        KafkaTestResource resource = new KafkaTestResource();
        resource.init(Map.of(KafkaTestResource.TOPICS, topic + ":6", KafkaTestResource.PROPERTY, "my.kafka"));

        Map<String, String> config = resource.start();

        String servers = KafkaService.shared().bootstrapServers();
        assertThat(config)
                .containsEntry("kafka.bootstrap.servers", servers)
                .containsEntry("my.kafka", servers)
                .containsEntry("quarkus.kafka.devservices.enabled", "false");
        assertThat(KafkaService.shared().endpoint().partitionCounts(Set.of(topic)))
                .containsEntry(topic, 6);
        resource.stop();
    }

    @Test
    void parsesTopicSpecifications() {
        assertThat(KafkaTestResource.parseTopics(" a:6, b ,c:2,"))
                .containsExactly(Map.entry("a", 6), Map.entry("b", 1), Map.entry("c", 2));
        assertThatThrownBy(() -> KafkaTestResource.parseTopics("a:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
