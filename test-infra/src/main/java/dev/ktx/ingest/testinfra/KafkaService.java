package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.KafkaBroker;
import dev.ktx.ingest.localstack.TempDirs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A Kafka broker for tests: the cluster named by {@value #TEST_BOOTSTRAP_VARIABLE} or {@value #BOOTSTRAP_VARIABLE},
 * else a {@value #IMAGE} container, else a local single-node KRaft broker — in this JVM by default, or in a JVM of
 * its own with {@value #LOCAL_VARIABLE}{@code =process} (see {@link LocalKafkaProcess}).
 *
 * <p>{@link #shared()} is one broker for the whole JVM, also across Quarkus restarts (see {@link JvmWide}).
 */
public final class KafkaService extends InfraService<KafkaEndpoint> {

    public static final String TEST_BOOTSTRAP_VARIABLE = "KTX_TEST_KAFKA_BOOTSTRAP_SERVERS";
    public static final String BOOTSTRAP_VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
    /** {@code in-process} (default) or {@code process}: how a local broker runs. */
    public static final String LOCAL_VARIABLE = "KTX_TEST_KAFKA_LOCAL";
    /** Partitions of auto-created topics on a broker started here; default 1. */
    public static final String PARTITIONS_VARIABLE = "KTX_TEST_KAFKA_NUM_PARTITIONS";

    public static final String IMAGE = "apache/kafka:4.1.2";

    private static KafkaService shared;
    /** The JVM-wide broker, held by the system class loader's copy of this class. */
    private static Started<KafkaEndpoint> jvmWide;

    private KafkaService(Started<KafkaEndpoint> started, boolean shared) {
        super(started, shared);
    }

    /** A broker of one's own (unless the environment names one); close it when done. */
    public static KafkaService start() {
        return start(Environment.system());
    }

    public static KafkaService start(Environment environment) {
        return new KafkaService(select(environment), false);
    }

    /**
     * One broker for the whole JVM — across class loaders, so across Quarkus restarts too — started on first use
     * and stopped at JVM shutdown; close does nothing.
     */
    public static synchronized KafkaService shared() {
        if (shared == null) {
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) JvmWide.call(KafkaService.class, "jvmWideBroker");
            shared = new KafkaService(
                    Started.ownedElsewhere(new KafkaEndpoint(found.get(0)), Origin.valueOf(found.get(1)), found.get(2)),
                    true);
        }
        return shared;
    }

    /** Shortcut for {@code endpoint().bootstrapServers()}. */
    public String bootstrapServers() {
        return endpoint().bootstrapServers();
    }

    /** See {@link KafkaEndpoint#createTopics(Map)}. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        endpoint().createTopics(partitionsByTopic);
    }

    /** Called by {@link JvmWide} on the system class loader's copy: bootstrap servers, origin, description. */
    static synchronized List<String> jvmWideBroker() {
        if (jvmWide == null) {
            jvmWide = select(Environment.system());
        }
        return List.of(jvmWide.endpoint().bootstrapServers(), jvmWide.origin().name(), jvmWide.toString());
    }

    private static Started<KafkaEndpoint> select(Environment environment) {
        int partitions = partitions(environment);
        boolean separateProcess = separateProcess(environment);
        return Selection.select(
                "Kafka",
                environment,
                List.of(TEST_BOOTSTRAP_VARIABLE, BOOTSTRAP_VARIABLE),
                KafkaEndpoint::parse,
                List.of(
                        new Selection.Option<>(
                                "Docker " + IMAGE,
                                env -> DockerContainers.start(
                                        env,
                                        () -> container(partitions),
                                        container -> new KafkaEndpoint(
                                                container.getBootstrapServers().replaceFirst("^PLAINTEXT://", "")))),
                        separateProcess
                                ? new Selection.Option<>("local Kafka broker process", env -> localProcess(partitions))
                                : new Selection.Option<>(
                                        "in-process Kafka broker", env -> InProcessKafka.start(partitions))));
    }

    private static Started<KafkaEndpoint> localProcess(int partitions) throws Exception {
        return LocalKafkaProcess.builder()
                .numPartitions(partitions)
                .startProcess()
                .started();
    }

    private static KafkaContainer container(int partitions) {
        return new KafkaContainer(DockerImageName.parse(IMAGE))
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(partitions))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_LOG_CLEANER_DEDUPE_BUFFER_SIZE", KafkaBroker.DEDUPE_BUFFER_BYTES);
    }

    private static int partitions(Environment environment) {
        String value = environment.variable(PARTITIONS_VARIABLE).orElse("1").trim();
        try {
            int partitions = Integer.parseInt(value);
            if (partitions >= 1) {
                return partitions;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PARTITIONS_VARIABLE + " must be a number ≥ 1, was '" + value + "'");
    }

    private static boolean separateProcess(Environment environment) {
        String value = environment.variable(LOCAL_VARIABLE).orElse("in-process").trim();
        return switch (value) {
            case "in-process" -> false;
            case "process" -> true;
            default ->
                throw new IllegalArgumentException(
                        LOCAL_VARIABLE + " must be 'in-process' or 'process', was '" + value + "'");
        };
    }

    /** The in-process flavour: a {@link KafkaBroker} in a temporary directory, on free ports. */
    static final class InProcessKafka {

        private static final int PORT_ATTEMPTS = 3;

        private InProcessKafka() {}

        static Started<KafkaEndpoint> start(int partitions) throws Exception {
            Exception last = null;
            // Ports we picked may be taken by someone else before the broker binds them: then try other ones.
            for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
                Path dir = TempDirs.create(TempDirs.SYSTEM_TEMP, "ktx-kafka-");
                try {
                    KafkaBroker broker = KafkaBroker.start(
                            dir.resolve("kafka"),
                            FreePort.find(),
                            FreePort.find(),
                            Map.of("num.partitions", Integer.toString(partitions)),
                            true);
                    KafkaEndpoint endpoint = new KafkaEndpoint(broker.bootstrapServers());
                    return Started.of(endpoint, Origin.LOCAL, broker.toString(), () -> {
                        broker.close();
                        TempDirs.delete(dir);
                    });
                } catch (Exception e) {
                    TempDirs.delete(dir);
                    last = e;
                }
            }
            throw last;
        }
    }
}
