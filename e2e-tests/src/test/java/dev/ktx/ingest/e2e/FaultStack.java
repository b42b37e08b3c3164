package dev.ktx.ingest.e2e;

import dev.ktx.ingest.cli.stack.StackLayout;
import dev.ktx.ingest.testinfra.KafkaEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The local stack of {@link E2eStack} set up for fault drills (docs/reliability.md): its own Redis (a stack process,
 * so it can be killed), two source workers and two finalizers, short failure detection, and source jobs padded so
 * that a fault finds work in flight. Every process can be killed, frozen and restarted; {@link #restore()} brings
 * the stack back after a drill so that the next drill of a class can reuse it.
 */
final class FaultStack implements AutoCloseable {

    static final String KAFKA = "kafka";
    static final String REDIS = "redis";
    static final String PLANNER = "planner-service";
    static final String DATABASE_WORKER = "database-ingest-service";
    static final String SOURCE_WORKER = "source-ingest-service";
    static final String FINALIZER = "finalizer-service";
    static final String SECOND = "-2";

    /** Every source job lasts at least this long ({@code KTX_SOURCE_INGEST_MIN_JOB_DURATION}): work is in flight. */
    static final Duration MIN_JOB_DURATION = Duration.ofSeconds(8);
    /** Redisson lock watchdog ({@code KTX_REDIS_WATCHDOG}): a dead or frozen finalizer loses the project lock after this. */
    static final Duration LOCK_WATCHDOG = Duration.ofSeconds(5);
    /** Kafka consumer session timeout: the broker hands a dead or frozen consumer's partitions to the others after this. */
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration READY = Duration.ofMinutes(2);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Duration SETTLE_POLL = Duration.ofSeconds(1);

    /** Stack components, in start order, with the {@code stack.env} entry holding their address. */
    private static final Map<String, String> ENDPOINT_KEYS = orderedMap(
            KAFKA,
            "KAFKA_BOOTSTRAP_SERVERS",
            REDIS,
            "KTX_REDIS_URL",
            PLANNER,
            "KTX_PLANNER_URL",
            DATABASE_WORKER,
            "KTX_DATABASE_INGEST_URL",
            SOURCE_WORKER,
            "KTX_SOURCE_INGEST_URL",
            FINALIZER,
            "KTX_FINALIZER_URL");
    /** The second replica of these, and the variable that sets its HTTP port. */
    private static final Map<String, String> REPLICATED =
            orderedMap(SOURCE_WORKER, "KTX_SOURCE_INGEST_PORT", FINALIZER, "KTX_FINALIZER_PORT");

    /** Where the processes' logs are kept once the stack is down (its temporary directory is deleted). */
    private static final Path LOGS = Path.of("target/fault-logs").toAbsolutePath();

    /** The services' HTTP port variables (docs/cli.md). */
    private static final List<String> PORT_VARIABLES =
            List.of("KTX_PLANNER_PORT", "KTX_DATABASE_INGEST_PORT", "KTX_SOURCE_INGEST_PORT", "KTX_FINALIZER_PORT");

    private final E2eStack stack;
    private final String label;
    private final Map<String, StackProcess> processes = new LinkedHashMap<>();
    private final Map<String, String> endpoints = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::close, "fault-stack-down");
    private boolean closed;

    private FaultStack(E2eStack stack, String label) {
        this.stack = stack;
        this.label = label;
    }

    /** @param label names the directory under {@code target/fault-logs} that keeps the logs, e.g. the drill class */
    static FaultStack up(String label) throws Exception {
        FaultStack faults = new FaultStack(E2eStack.up(settings(), false), label);
        Runtime.getRuntime().addShutdownHook(faults.shutdownHook);
        try {
            faults.adoptStackProcesses();
            faults.startSecondReplicas();
            return faults;
        } catch (Exception | Error e) {
            faults.close();
            throw e;
        }
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        // Not the default ports: another stack on this machine (or a CLI pointed at 8080) must not reach this one.
        PORT_VARIABLES.forEach(port -> settings.put(port, Integer.toString(freePort())));
        settings.putAll(Map.of(
                "KTX_SOURCE_INGEST_MIN_JOB_DURATION", MIN_JOB_DURATION.toSeconds() + "s",
                "KTX_REDIS_WATCHDOG", LOCK_WATCHDOG.toSeconds() + "s",
                // C1 only and the serial collector: eight JVMs start and run on two cores.
                "KTX_STACK_JAVA_OPTS",
                        "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                                + " -Dmp.messaging.connector.smallrye-kafka.session.timeout.ms="
                                + SESSION_TIMEOUT.toMillis()));
        return settings;
    }

    E2eStack cli() {
        return stack;
    }

    KafkaEndpoint kafka() {
        return KafkaEndpoint.parse(endpoints.get(KAFKA));
    }

    /** A component by name ({@link #KAFKA}, …; {@code + SECOND} for the second replica). */
    StackProcess process(String name) {
        return Optional.ofNullable(processes.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no process " + name));
    }

    List<StackProcess> sourceWorkers() {
        return List.of(process(SOURCE_WORKER), process(SOURCE_WORKER + SECOND));
    }

    /** The base URL of a service replica, e.g. for its metrics. */
    String url(String name) {
        return endpoints.get(name);
    }

    /** The process a trace names as the holder of a final window ({@code pid@host}). */
    StackProcess byHolder(String holder) {
        long pid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
        return processes.values().stream()
                .filter(p -> p.pid() == pid)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no stack process has pid " + pid + " (" + holder + ")"));
    }

    /**
     * Waits until every consumer group has committed every record of its topics (nothing in flight, nothing queued).
     *
     * @return what is still not consumed when the wait ends; empty once settled
     */
    Map<String, Long> settle() {
        ConsumerGroups groups = new ConsumerGroups(kafka());
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Map<String, Long> lag = Map.of("(not measured)", 0L);
        while (System.nanoTime() - deadline < 0) {
            try {
                lag = groups.lag();
                if (lag.isEmpty()) {
                    return lag;
                }
            } catch (Exception brokerNotBackYet) {
                lag = Map.of("(broker unavailable: " + brokerNotBackYet.getMessage() + ")", 0L);
            }
            StackProcess.sleep(SETTLE_POLL);
        }
        return lag;
    }

    /**
     * After a drill: every process thawed, restarted if dead and ready, and the consumer groups caught up.
     *
     * @return false when the stack is not healthy again, so that the caller starts a new one
     */
    boolean restore() {
        try {
            for (StackProcess process : processes.values()) {
                process.resume();
                if (!process.isAlive()) {
                    process.restart(READY);
                }
            }
            processes.values().forEach(process -> process.awaitReady(READY));
            Map<String, Long> lag = settle();
            if (!lag.isEmpty()) {
                throw new IllegalStateException("consumer groups did not catch up: " + lag);
            }
            return true;
        } catch (RuntimeException e) {
            System.err.println("fault stack not healthy after the drill, starting a new one: " + e.getMessage());
            return false;
        }
    }

    /**
     * A replay: stops every service, moves every consumer group back to the first record of its topics and starts
     * the services again, so that everything ever published is delivered once more.
     */
    void replayFromTheStart() throws Exception {
        List<StackProcess> services = processes.values().stream()
                .filter(p -> !p.name().equals(KAFKA) && !p.name().equals(REDIS))
                .toList();
        inParallel(services, StackProcess::stop);
        ConsumerGroups groups = new ConsumerGroups(kafka());
        long deadline = System.nanoTime() + SESSION_TIMEOUT.multipliedBy(3).toNanos();
        while (true) {
            try {
                groups.resetToEarliest();
                break;
            } catch (Exception membersNotGoneYet) {
                // offsets of a group can only be changed while it has no members
                if (System.nanoTime() - deadline > 0) {
                    throw membersNotGoneYet;
                }
                StackProcess.sleep(SETTLE_POLL);
            }
        }
        services.forEach(StackProcess::relaunch);
        services.forEach(process -> process.awaitReady(READY));
    }

    private static void inParallel(List<StackProcess> processes, Consumer<StackProcess> action) {
        List<Thread> threads = processes.stream()
                .map(p -> new Thread(() -> action.accept(p), p.name()))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private void adoptStackProcesses() throws Exception {
        StackLayout layout = new StackLayout(stack.stackDir());
        Map<String, String> written = stack.endpoints();
        ENDPOINT_KEYS.forEach((name, key) -> {
            String endpoint = written.get(key);
            endpoints.put(name, endpoint);
            processes.put(
                    name,
                    StackProcess.adopt(
                            name,
                            layout.pidFile(name),
                            layout.log(name),
                            probe(name, endpoint),
                            name.equals(REDIS) ? running -> redisLaunch(endpoint) : ProcessLaunch::of));
        });
    }

    private void startSecondReplicas() {
        StackLayout layout = new StackLayout(stack.stackDir());
        List<StackProcess> started = new ArrayList<>();
        REPLICATED.forEach((name, portVariable) -> {
            int port = freePort();
            String replica = name + SECOND;
            String endpoint = "http://127.0.0.1:" + port;
            endpoints.put(replica, endpoint);
            StackProcess process = StackProcess.start(
                    replica,
                    process(name).launch().with(portVariable, Integer.toString(port)),
                    layout.log(replica),
                    Probes.service(endpoint));
            processes.put(replica, process);
            started.add(process);
        });
        started.forEach(process -> process.awaitReady(READY));
    }

    /**
     * redis-server rewrites its command line (its process title shows {@code host:port}), so {@code /proc} cannot
     * tell how it was started: these are the options of {@code ktx stack up} (docs/cli.md: {@code redis-server} from
     * {@code PATH}, loopback, no persistence, files in the stack directory).
     */
    private ProcessLaunch redisLaunch(String endpoint) {
        URI uri = URI.create(endpoint);
        return new ProcessLaunch(
                List.of(
                        "redis-server",
                        "--port",
                        Integer.toString(uri.getPort()),
                        "--bind",
                        uri.getHost(),
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        stack.stackDir().toString()),
                System.getenv(),
                stack.stackDir());
    }

    private static StackProcess.Probe probe(String name, String endpoint) {
        Function<String, StackProcess.Probe> kind = switch (name) {
            case KAFKA -> Probes::kafka;
            case REDIS -> Probes::redis;
            default -> Probes::service;
        };
        return kind.apply(endpoint);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Thaws what a drill froze, stops the second replicas, {@code ktx stack down}, keeps the logs, deletes the rest. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs or ran
            }
        }
        processes.values().forEach(StackProcess::resume);
        processes.values().stream().filter(p -> p.name().endsWith(SECOND)).forEach(StackProcess::stop);
        processes.clear();
        stack.close();
        keepLogsAndDeleteStackDir();
    }

    private void keepLogsAndDeleteStackDir() {
        Path dir = stack.stackDir();
        try {
            Path kept = Files.createDirectories(LOGS).resolve(label + "-" + dir.getFileName());
            Files.move(dir.resolve("logs"), kept);
            System.out.println("fault stack logs: " + kept);
            try (Stream<Path> tree = Files.walk(dir)) {
                for (Path each : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        } catch (IOException e) {
            System.err.println("could not clean up " + dir + ": " + e);
        }
    }
}
