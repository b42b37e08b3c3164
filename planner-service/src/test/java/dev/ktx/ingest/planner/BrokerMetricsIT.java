package dev.ktx.ingest.planner;

import static dev.ktx.ingest.planner.PlannerFixtures.await;
import static dev.ktx.ingest.planner.PlannerFixtures.metric;

import dev.ktx.ingest.core.messaging.MessageCodec;
import dev.ktx.ingest.core.messaging.ProjectRef;
import dev.ktx.ingest.core.messaging.TargetJobMessage;
import dev.ktx.ingest.testinfra.KafkaTestResource;
import dev.ktx.ingest.testinfra.RedisTestResource;
import dev.ktx.ingest.testinfra.TopicProbe;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Lag and dead letters as the broker counts them, on the planner's {@code /q/metrics}: records on a topic whose
 * consumer group has no member here (no source worker runs in this test) are lag; an unreadable result the planner
 * dead-letters is counted on its {@code .dlq} topic.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(RedisTestResource.class)
class BrokerMetricsIT {

    @Test
    void lagOfAGroupWithoutMembersAndDeadLettersAreExported() throws Exception {
        long lagBefore = metric("ktx_consumer_group_lag", "group=\"ktx-source-ingest\",topic=\"ktx.jobs.source\"")
                .orElse(0L);
        long deadBefore = metric("ktx_dlq_records_total", "topic=\"ktx.ingest.results.dlq\"")
                .orElse(0L);

        // A readable job (other test classes read this topic from its start), of a run nobody knows.
        TopicProbe.send(
                "ktx.jobs.source",
                "run-x/docs",
                MessageCodec.write(TargetJobMessage.of(
                        "run-x",
                        new ProjectRef("acme", "/nowhere"),
                        "docs",
                        "job-x",
                        "0000000000000000000000000000000000000000")));
        TopicProbe.send("ktx.ingest.results", "poison", "{not json");

        await(
                () -> metric("ktx_consumer_group_lag", "group=\"ktx-source-ingest\",topic=\"ktx.jobs.source\"")
                        .orElse(0L),
                lag -> lag == lagBefore + 1,
                "lag of ktx-source-ingest on ktx.jobs.source");
        await(
                () -> metric("ktx_dlq_records_total", "topic=\"ktx.ingest.results.dlq\"")
                        .orElse(0L),
                dead -> dead == deadBefore + 1,
                "records on ktx.ingest.results.dlq");
        await(
                () -> metric("ktx_consumer_group_lag", "group=\"ktx-planner\",topic=\"ktx.ingest.results\"")
                        .orElse(-1L),
                lag -> lag == 0,
                "lag of the planner on ktx.ingest.results once it committed the poison record");
    }
}
