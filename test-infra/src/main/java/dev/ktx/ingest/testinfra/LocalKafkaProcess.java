package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.KafkaBroker;
import dev.ktx.ingest.localstack.KafkaBrokerMain;
import dev.ktx.ingest.localstack.TempDirs;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A single-node KRaft broker in a JVM of its own ({@link KafkaBrokerMain}), for the local stack and end-to-end tests.
 * {@link Builder#start()} returns once a client can talk to it; {@link #close()} stops it (SIGTERM, then SIGKILL) and
 * deletes its temporary directory. The broker also stops by itself when the JVM that started it is gone, even after a
 * SIGKILL.
 *
 * <pre>{@code
 * try (LocalKafkaProcess kafka = LocalKafkaProcess.builder().numPartitions(6).start()) {
 *     String bootstrap = kafka.endpoint().bootstrapServers();
 * }
 * }</pre>
 */
public final class LocalKafkaProcess implements AutoCloseable {

    public static final String DEFAULT_MAX_HEAP = "160m";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;
    /** What the broker JVM must be able to load: our main, the broker, its storage formatter, clients, Scala. */
    private static final List<String> REQUIRED_CLASSES = List.of(
            "dev.ktx.ingest.localstack.KafkaBrokerMain",
            "kafka.server.KafkaRaftServer",
            "org.apache.kafka.metadata.storage.Formatter",
            "org.apache.kafka.raft.KafkaRaftClient",
            "org.apache.kafka.clients.admin.Admin",
            "scala.Product",
            "org.slf4j.LoggerFactory");

    private static final String SLF4J_SIMPLE = "org.slf4j.simple.SimpleServiceProvider";

    private final Started<KafkaEndpoint> started;
    private final long pid;
    private final Path dataDir;
    private final Path log;

    private LocalKafkaProcess(Started<KafkaEndpoint> started, long pid, Path dataDir, Path log) {
        this.started = started;
        this.pid = pid;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** A broker with the defaults: temporary data, free ports, 1 partition per auto-created topic. */
    public static LocalKafkaProcess start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public KafkaEndpoint endpoint() {
        return started.endpoint();
    }

    /** The broker JVM's process id. */
    public long pid() {
        return pid;
    }

    /** Kafka's data (its {@code log.dirs}). */
    public Path dataDir() {
        return dataDir;
    }

    /** The broker JVM's output. */
    public Path log() {
        return log;
    }

    /** Stops the broker and waits until it is gone; deletes its directory unless it was given. Idempotent. */
    @Override
    public void close() {
        started.close();
    }

    Started<KafkaEndpoint> started() {
        return started;
    }

    @Override
    public String toString() {
        return "LocalKafkaProcess[" + started + "]";
    }

    /** How to start the broker; every setting is optional. */
    public static final class Builder {

        private Path directory;
        private int port;
        private int numPartitions = 1;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private String maxHeap = DEFAULT_MAX_HEAP;
        private String classpath;
        private Duration startTimeout = DEFAULT_START_TIMEOUT;

        private Builder() {}

        /**
         * Keeps the broker's data in {@code directory} (Kafka's data in {@code kafka/}, its output in
         * {@code broker.log}), and keeps it at close so a later start finds its topics again. Default: a temporary
         * directory, deleted at close.
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory);
            return this;
        }

        /** The client (PLAINTEXT) port on 127.0.0.1; default 0: a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port);
            }
            this.port = port;
            return this;
        }

        /** Partitions of auto-created topics ({@code num.partitions}); default 1. */
        public Builder numPartitions(int numPartitions) {
            if (numPartitions < 1) {
                throw new IllegalArgumentException("numPartitions must be ≥ 1, was " + numPartitions);
            }
            this.numPartitions = numPartitions;
            return this;
        }

        /** Any broker property; wins over the defaults of {@link KafkaBrokerMain}. */
        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /** The broker JVM's {@code -Xmx}, e.g. {@code 160m} (the default). */
        public Builder maxHeap(String maxHeap) {
            this.maxHeap = Objects.requireNonNull(maxHeap);
            return this;
        }

        /**
         * The broker JVM's class path. Default: this JVM's {@code java.class.path}, which must then hold local-stack
         * and its runtime dependencies (true in a Maven test or a program run with test-infra on its class path).
         */
        public Builder classpath(String classpath) {
            this.classpath = Objects.requireNonNull(classpath);
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = Objects.requireNonNull(startTimeout);
            return this;
        }

        /**
         * Starts the broker and waits until an admin client sees it.
         *
         * @throws IllegalStateException if it does not start; the message quotes the broker's output
         */
        public LocalKafkaProcess start() {
            try {
                return startProcess();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted starting a Kafka broker process", e);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start a Kafka broker process: " + e.getMessage(), e);
            }
        }

        LocalKafkaProcess startProcess() throws Exception {
            String cp = classpath != null ? classpath : currentClasspath();
            Set<String> found = findable(cp);
            List<String> missing = REQUIRED_CLASSES.stream()
                    .filter(name -> !found.contains(name))
                    .toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the class path for the Kafka broker process lacks " + missing
                        + ": it needs local-stack and its runtime dependencies (pass one with classpath(...))");
            }
            boolean temporary = directory == null;
            Exception last = null;
            // Ports we picked may be taken by someone else before the broker binds them: then try other ones.
            for (int attempt = 1; attempt <= (port == 0 ? PORT_ATTEMPTS : 1); attempt++) {
                Path dir = temporary ? TempDirs.create(TempDirs.SYSTEM_TEMP, "ktx-kafka-") : directory;
                try {
                    Files.createDirectories(dir);
                    return launch(
                            cp,
                            found.contains(SLF4J_SIMPLE),
                            found.contains(KafkaBrokerMain.JBOSS_LOG_MANAGER),
                            dir,
                            temporary);
                } catch (Exception e) {
                    if (temporary) {
                        TempDirs.delete(dir);
                    }
                    last = e;
                }
            }
            throw last;
        }

        private LocalKafkaProcess launch(
                String cp, boolean slf4jSimple, boolean jbossLogManager, Path dir, boolean temporary) throws Exception {
            Path dataDir = dir.resolve("kafka");
            Path log = dir.resolve("broker.log");
            KafkaEndpoint endpoint = new KafkaEndpoint(KafkaBroker.HOST + ":" + (port == 0 ? FreePort.find() : port));
            Path argFile = dir.resolve("java-args.txt");
            // The class path goes in an argument file: a long one would exceed the limit of one command-line argument.
            Files.writeString(argFile, "-cp\n" + quoted(cp) + "\n", StandardCharsets.UTF_8);

            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "@" + argFile,
                    "-Xmx" + maxHeap,
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-Djava.awt.headless=true",
                    "-D" + KafkaBrokerMain.PARENT_PID_PROPERTY + "="
                            + ProcessHandle.current().pid(),
                    // Kafka's logging controller asks log4j-api; without a provider it warns on every start.
                    "-Dlog4j2.provider=org.apache.logging.log4j.simple.internal.SimpleProvider"));
            if (!slf4jSimple && jbossLogManager) {
                // Quarkus's class path: SLF4J goes to JBoss LogManager, which must then be the JUL log manager.
                command.add("-Djava.util.logging.manager=" + KafkaBrokerMain.JBOSS_LOG_MANAGER);
            }
            if (slf4jSimple) {
                command.addAll(List.of(
                        "-Dslf4j.provider=" + SLF4J_SIMPLE,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                        "-Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info",
                        "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS"));
            }
            if (temporary) {
                command.add("-D" + KafkaBrokerMain.ORPHAN_DELETES_PROPERTY + "=" + dir);
            }
            command.add(KafkaBrokerMain.class.getName());
            command.add(dataDir.toString());
            command.add(Integer.toString(endpoint.port()));
            command.add(Integer.toString(FreePort.find()));
            command.add("num.partitions=" + numPartitions);
            properties.forEach((key, value) -> command.add(key + "=" + value));

            LocalProcess process = LocalProcess.start(
                    "Kafka broker",
                    command,
                    log,
                    () -> readsReady(log) && endpoint.answers(PROBE_TIMEOUT),
                    startTimeout);
            long pid = process.pid();
            Started<KafkaEndpoint> started = Started.of(endpoint, Origin.LOCAL, "local " + process, () -> {
                process.close();
                if (temporary) {
                    TempDirs.delete(dir);
                }
            });
            return new LocalKafkaProcess(started, pid, dataDir, log);
        }
    }

    private static boolean readsReady(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(KafkaBrokerMain.READY);
    }

    private static String currentClasspath() {
        // Surefire's manifest-only jar keeps java.class.path complete (the booter jar is surefire.real.class.path).
        return System.getProperty("java.class.path");
    }

    /**
     * Which of {@link #REQUIRED_CLASSES}, {@link #SLF4J_SIMPLE} and JBoss LogManager the class path holds, looked up in its entries
     * only, not in this JVM's class loaders.
     */
    private static Set<String> findable(String classpath) {
        URL[] urls = Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(LocalKafkaProcess::toUrl)
                .toArray(URL[]::new);
        Set<String> found = new HashSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls, null)) {
            for (String name : concat(REQUIRED_CLASSES, SLF4J_SIMPLE, KafkaBrokerMain.JBOSS_LOG_MANAGER)) {
                if (loader.findResource(name.replace('.', '/') + ".class") != null) {
                    found.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static List<String> concat(List<String> names, String... more) {
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(more));
        return all;
    }

    private static URL toUrl(String entry) {
        try {
            return Path.of(entry).toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class path entry " + entry, e);
        }
    }

    /** Quoting for a java {@code @argfile}: backslashes and quotes escaped, all in double quotes. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
