package dev.ktx.ingest.planner.dlq;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a dead letter sits: its dead-letter topic, partition and offset. */
public record DeadLetterId(String topic, int partition, long offset) {

    static DeadLetterId of(ConsumerRecord<?, ?> record) {
        return new DeadLetterId(record.topic(), record.partition(), record.offset());
    }

    @Override
    public String toString() {
        return topic + " partition " + partition + " offset " + offset;
    }
}
