package dev.ktx.ingest.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node KRaft broker (broker and controller in one) running in this JVM, on Kafka's internal server API:
 * {@link Formatter} writes the storage, {@link KafkaRaftServer} runs it. Used directly by test-infra's
 * {@code KafkaService} (in process) and by {@link KafkaBrokerMain} (in a process of its own).
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    static final String LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final int NODE_ID = 1;
    /** The default is 128 MiB, allocated up front; a test broker compacts almost nothing. */
    public static final String DEDUPE_BUFFER_BYTES = Integer.toString(4 * 1024 * 1024);
    /** Written by the formatter into every formatted log directory. */
    private static final String META_PROPERTIES = "meta.properties";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final String LOG4J_PROVIDER_PROPERTY = "log4j2.provider";
    private static final String LOG4J_SIMPLE_PROVIDER = "org.apache.logging.log4j.simple.internal.SimpleProvider";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
    }

    /**
     * The broker's configuration; {@code overrides} (any broker property, e.g. {@code num.partitions}) win.
     *
     * @param logDir the broker's data; formatted on first start, reused afterwards
     */
    static Map<String, String> properties(Path logDir, int port, int controllerPort, Map<String, String> overrides) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", Integer.toString(NODE_ID));
        properties.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        properties.put(
                "listeners",
                LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", LISTENER + "://" + HOST + ":" + port);
        properties.put("listener.security.protocol.map", LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        properties.put("controller.listener.names", CONTROLLER_LISTENER);
        properties.put("inter.broker.listener.name", LISTENER);
        properties.put("log.dirs", logDir.toAbsolutePath().toString());
        properties.put("num.partitions", "1");
        properties.put("auto.create.topics.enable", "true");
        properties.put("default.replication.factor", "1");
        properties.put("min.insync.replicas", "1");
        properties.put("offsets.topic.replication.factor", "1");
        // 50 partitions each by default: creating them slows the first consumer group and the first transaction.
        properties.put("offsets.topic.num.partitions", "1");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("share.coordinator.state.topic.num.partitions", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.cleaner.dedupe.buffer.size", DEDUPE_BUFFER_BYTES);
        // Fewer threads than a production broker: less memory, and plenty for tests.
        properties.put("num.network.threads", "2");
        properties.put("num.io.threads", "2");
        properties.put("background.threads", "2");
        properties.put("num.recovery.threads.per.data.dir", "1");
        properties.putAll(overrides);
        return properties;
    }

    /**
     * Formats {@code logDir} unless it already holds a formatted broker, then starts the broker and waits until it
     * answers. The broker's threads are created with the broker's own class loader as their context class loader.
     *
     * @param keepJvmAlive whether Kafka's fatal-error exits ({@link Exit}) must not stop this JVM (a test JVM), but
     *         fail the calling Kafka thread instead; a broker process of its own should exit as Kafka intends
     */
    public static KafkaBroker start(
            Path logDir, int port, int controllerPort, Map<String, String> overrides, boolean keepJvmAlive)
            throws Exception {
        return withOwnContextClassLoader(() -> {
            quietLog4jApi();
            if (keepJvmAlive) {
                Exit.setExitProcedure((code, message) -> {
                    throw new IllegalStateException("Kafka broker asked to exit with " + code + ": " + message);
                });
                Exit.setHaltProcedure((code, message) -> {
                    throw new IllegalStateException("Kafka broker asked to halt with " + code + ": " + message);
                });
            }
            KafkaConfig config = new KafkaConfig(properties(logDir, port, controllerPort, overrides), false);
            format(config, logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            String bootstrapServers = HOST + ":" + port;
            try {
                server.startup();
                if (!answers(bootstrapServers, READY_TIMEOUT)) {
                    throw new IllegalStateException("broker on " + bootstrapServers + " started but has no nodes");
                }
            } catch (Exception | Error e) {
                stop(server);
                throw e;
            }
            return new KafkaBroker(server, bootstrapServers, logDir);
        });
    }

    /** {@code 127.0.0.1:<port>}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Whether a broker answers a metadata request and is registered: the cluster has at least one node. */
    public static boolean answers(String bootstrapServers, Duration timeout) throws Exception {
        int millis = (int) timeout.toMillis();
        Map<String, Object> properties = new HashMap<>();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        try (Admin admin = Admin.create(properties)) {
            return !admin.describeCluster()
                    .nodes()
                    .get(millis, TimeUnit.MILLISECONDS)
                    .isEmpty();
        }
    }

    /** Blocks until the broker has shut down (by {@link #close()} from another thread). */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    /** Stops the broker and waits for it; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            withOwnContextClassLoader(() -> {
                stop(server);
                return null;
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the Kafka broker on " + bootstrapServers, e);
        }
    }

    @Override
    public String toString() {
        return "in-process Kafka broker on " + bootstrapServers + ", data " + logDir;
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void format(KafkaConfig config, Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setNodeId(NODE_ID)
                .setClusterId(clusterId(logDir))
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(config.metadataLogDir())
                .addDirectory(logDir.toAbsolutePath().toString())
                // A restarted local stack keeps its data (and cluster id).
                .setIgnoreFormatted(true)
                .run();
    }

    /**
     * The id of the cluster whose data {@code logDir} holds, else a new one: the formatter refuses a directory formatted
     * for another cluster id even with {@code setIgnoreFormatted}, so a broker restarted on its data must reuse it.
     */
    private static String clusterId(Path logDir) throws IOException {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (Files.isRegularFile(meta)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(meta)) {
                properties.load(reader);
            }
            String existing = properties.getProperty("cluster.id");
            if (existing != null && !existing.isBlank()) {
                return existing;
            }
        }
        return Uuid.randomUuid().toString();
    }

    /**
     * Kafka's logging controller asks log4j-api for a logger. With no log4j provider on the class path (log4j-core is
     * excluded; JBoss LogManager's bridge may be absent) log4j-api prints "ERROR Log4j API could not find a logging
     * provider". Then name log4j-api's built-in provider — only while our copy of log4j-api initialises, so nothing
     * else in this JVM sees the property.
     */
    private static synchronized void quietLog4jApi() {
        ClassLoader own = KafkaBroker.class.getClassLoader();
        boolean hasProvider = own.getResource("META-INF/services/org.apache.logging.log4j.spi.Provider") != null
                || own.getResource("META-INF/log4j-provider.properties") != null;
        if (hasProvider || System.getProperty(LOG4J_PROVIDER_PROPERTY) != null) {
            return;
        }
        System.setProperty(LOG4J_PROVIDER_PROPERTY, LOG4J_SIMPLE_PROVIDER);
        try {
            Class.forName("org.apache.logging.log4j.LogManager", true, own);
        } catch (ClassNotFoundException | LinkageError noLog4jApi) {
            // Kafka then disables its logging controller by itself.
        } finally {
            System.clearProperty(LOG4J_PROVIDER_PROPERTY);
        }
    }

    /**
     * Kafka loads plugins, metrics reporters and serializers through the thread's context class loader, and its
     * threads inherit it: inside a Quarkus test that is Quarkus's loader, holding other copies of Kafka's classes.
     */
    private static <T> T withOwnContextClassLoader(Callable<T> action) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
