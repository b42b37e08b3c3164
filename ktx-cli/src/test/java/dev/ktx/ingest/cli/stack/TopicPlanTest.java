package dev.ktx.ingest.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicPlanTest {

    @Test
    void everyTopicAndItsDeadLetterTopicWithThePartitionsTheServicesNeed() {
        Map<String, Integer> partitions =
                TopicPlan.of("ktx.").stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        assertThat(partitions)
                .hasSize(18)
                .containsEntry("ktx.jobs.source", 8)
                .containsEntry("ktx.finalize.requests", 4)
                .containsEntry("ktx.jobs.database", 1)
                .containsEntry("ktx.ingest.requests", 1)
                .containsEntry("ktx.upstream.events", 1)
                .containsEntry("ktx.ingest.results", 1)
                .containsEntry("ktx.ingest.stages", 1)
                .containsEntry("ktx.ingest.traces", 1)
                .containsEntry("ktx.rollback.requests", 1)
                .containsEntry("ktx.jobs.source.dlq", 1)
                .containsEntry("ktx.finalize.requests.dlq", 1);
        assertThat(TopicPlan.of("ktx.").stream().map(NewTopic::replicationFactor))
                .containsOnly((short) 1);
    }

    @Test
    void usesThePrefix() {
        assertThat(TopicPlan.of("dev.").stream().map(NewTopic::name)).allMatch(name -> name.startsWith("dev."));
    }
}
