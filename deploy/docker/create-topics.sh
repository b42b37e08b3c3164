#!/bin/sh
# Creates every topic of the list file ($1: "<topic> <partitions>" lines, # comments) on $KAFKA_BOOTSTRAP_SERVERS;
# topics that exist already are left as they are. Runs in the apache/kafka image (docker-compose.yml, kafka-topics);
# $KAFKA_TOPICS replaces that image's kafka-topics.sh (compose-tests run the script with a stand-in).
set -eu
list=$1
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}
kafka_topics=${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}

grep -v -e '^#' -e '^[[:space:]]*$' "$list" | while read -r topic partitions; do
  "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "$partitions" --replication-factor 1
done
