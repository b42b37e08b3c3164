package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.core.messaging.Topics;
import dev.ktx.ingest.localstack.KafkaBrokerMain;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * {@code $KAFKA_BOOTSTRAP_SERVERS} if set, else a single-node KRaft broker in its own JVM (local-stack's
 * {@link KafkaBrokerMain}, run from the CLI's own classpath). Either way the services' topics are created.
 */
final class KafkaBroker extends ProcessComponent {

    /** The services' {@code ktx.topic-prefix}, which they read from this variable too. */
    static final String TOPIC_PREFIX_VARIABLE = "KTX_TOPIC_PREFIX";

    private static final String HOST = "127.0.0.1";

    KafkaBroker(CliEnvironment environment, StackLayout layout) {
        super("kafka", StackEnv.KAFKA_BOOTSTRAP_SERVERS, environment, layout);
    }

    @Override
    Optional<String> external() {
        return environment.variable(StackEnv.KAFKA_BOOTSTRAP_SERVERS);
    }

    @Override
    Launch launch(StackEnv endpoints) {
        int port = Ports.free();
        return new Launch(
                JavaCommand.of(
                        environment,
                        "-cp",
                        System.getProperty("java.class.path"),
                        KafkaBrokerMain.class.getName(),
                        layout.kafkaData().toString(),
                        Integer.toString(port),
                        Integer.toString(Ports.free())),
                Map.of(),
                HOST + ":" + port);
    }

    @Override
    boolean isReady(String bootstrapServers) throws Exception {
        // a cheap connect first: an admin client per poll of a broker that is not listening yet is slow and noisy
        String[] hostPort = bootstrapServers.split(",")[0].split(":");
        return Sockets.accepts(hostPort[0], Integer.parseInt(hostPort[1])) && KafkaAdmin.isReady(bootstrapServers);
    }

    @Override
    void afterReady(String bootstrapServers, PrintWriter out) {
        String prefix = environment.variable(TOPIC_PREFIX_VARIABLE).orElse(Topics.DEFAULT_PREFIX);
        var topics = TopicPlan.of(prefix);
        int created = KafkaAdmin.createMissing(bootstrapServers, topics);
        out.println("topics: " + topics.size() + " " + prefix + "* topics ready (" + created + " created)");
        out.flush();
    }
}
