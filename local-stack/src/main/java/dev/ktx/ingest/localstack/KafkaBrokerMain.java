package dev.ktx.ingest.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft broker as a process of its own, for the local stack and end-to-end tests (started by
 * test-infra's {@code LocalKafkaProcess}, by {@code ktx stack up}, or by hand):
 *
 * <pre>
 * java -Xmx160m -cp &lt;local-stack runtime classpath&gt; dev.ktx.ingest.localstack.KafkaBrokerMain \
 *     &lt;dataDir&gt; &lt;port&gt; [&lt;controllerPort&gt;] [broker.property=value ...]
 * </pre>
 *
 * Formats {@code dataDir} on first use (a later start reuses the data), listens on 127.0.0.1 ({@code port} for
 * clients, 0 for a free one; {@code controllerPort}, default a free one, for the KRaft controller) and runs until SIGTERM/SIGINT.
 * Prints {@value #READY} once clients can use it. With {@code -D}{@value #PARENT_PID_PROPERTY}{@code =<pid>} it stops
 * when that process is gone, so a test JVM killed with SIGKILL does not leave the broker behind (nor, with
 * {@code -D}{@value #ORPHAN_DELETES_PROPERTY}{@code =<dir>}, its temporary directory).
 */
public final class KafkaBrokerMain {

    /** The line printed once the broker serves clients, followed by its bootstrap servers. */
    public static final String READY = "KAFKA BROKER READY ";

    public static final String PARENT_PID_PROPERTY = "ktx.kafka.parent-pid";
    /** A directory (the broker's temporary one) to delete when the broker stops because its parent is gone. */
    public static final String ORPHAN_DELETES_PROPERTY = "ktx.kafka.orphan-deletes";

    private static final long PARENT_POLL_MILLIS = 1000;
    public static final String JBOSS_LOG_MANAGER = "org.jboss.logmanager.LogManager";
    /** Held: JUL-style log managers may keep loggers only weakly, which would drop the level set on it. */
    private static java.util.logging.Logger startedLogger;

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println(
                    "usage: KafkaBrokerMain <dataDir> <port> [<controllerPort>] [broker.property=value ...]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        if (port == 0) {
            port = FreePort.find();
        }
        int controllerPort = 0;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            if (equals > 0) {
                overrides.put(args[i].substring(0, equals), args[i].substring(equals + 1));
            } else if (i == 2) {
                controllerPort = Integer.parseInt(args[i]);
            } else {
                throw new IllegalArgumentException("expected broker.property=value, got '" + args[i] + "'");
            }
        }
        if (controllerPort == 0) {
            controllerPort = FreePort.find();
        }
        Files.createDirectories(dataDir);
        logWarningsIfUnconfigured();

        KafkaBroker broker;
        try {
            broker = KafkaBroker.start(dataDir, port, controllerPort, overrides, false);
        } catch (Exception | Error e) {
            // Kafka's non-daemon threads could otherwise keep a broker that never started alive.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            broker.close();
                            stopped.countDown();
                        },
                        "kafka-broker-main-shutdown"));
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();

        Optional<Long> parentPid = Optional.ofNullable(System.getProperty(PARENT_PID_PROPERTY))
                .filter(pid -> !pid.isBlank())
                .map(pid -> Long.parseLong(pid.trim()));
        if (parentPid.isPresent()) {
            Optional<ProcessHandle> parent = ProcessHandle.of(parentPid.get());
            while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                if (stopped.await(PARENT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            System.out.println("parent process " + parentPid.get() + " is gone; stopping the broker");
            broker.close();
            Optional.ofNullable(System.getProperty(ORPHAN_DELETES_PROPERTY))
                    .filter(dir -> !dir.isBlank())
                    .ifPresent(dir -> TempDirs.delete(Path.of(dir)));
            System.exit(0);
        }
        broker.awaitShutdown();
    }

    /**
     * On a Quarkus class path SLF4J logs to JBoss LogManager, whose only handler holds everything back for a Quarkus
     * application to configure: then at least warnings, errors and the "started" line go to the output.
     */
    private static void logWarningsIfUnconfigured() {
        if (!JBOSS_LOG_MANAGER.equals(System.getProperty("java.util.logging.manager"))) {
            return;
        }
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (java.util.logging.Handler handler : root.getHandlers()) {
            // Quarkus's bootstrap installs a handler that holds records until Quarkus configures logging: never here.
            if (handler.getClass().getName().endsWith("DelayedHandler")) {
                root.removeHandler(handler);
            }
        }
        if (root.getHandlers().length == 0) {
            java.util.logging.ConsoleHandler console = new java.util.logging.ConsoleHandler();
            console.setLevel(java.util.logging.Level.ALL);
            root.addHandler(console);
            root.setLevel(java.util.logging.Level.WARNING);
            startedLogger = java.util.logging.Logger.getLogger("kafka.server.KafkaRaftServer");
            startedLogger.setLevel(java.util.logging.Level.INFO);
        }
    }
}
