package dev.ktx.ingest.testinfra;

import dev.ktx.ingest.localstack.Executables;
import dev.ktx.ingest.localstack.FreePort;
import dev.ktx.ingest.localstack.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL cluster: {@code initdb} into a temporary directory, then {@code postgres} in the foreground
 * as our child on a free loopback port, with the caller's {@code -c name=value} options (see
 * {@link PostgresService.Flavor}).
 */
final class LocalPostgres {

    static final String BIN_VARIABLE = "KTX_TEST_PG_BIN";
    private static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";
    private static final String HOST = "127.0.0.1";
    private static final String SUPERUSER = "postgres";
    /** initdb and postgres refuse to run as root; as root they run as this OS user. */
    private static final String OS_USER = "postgres";

    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);

    private LocalPostgres() {}

    /** Uses the binaries in {@code KTX_TEST_PG_BIN} if set, else in {@value #DEFAULT_BIN}. */
    static Started<PostgresEndpoint> start(Environment environment, List<String> serverOptions) throws Exception {
        return start(
                Path.of(environment.variable(BIN_VARIABLE).orElse(DEFAULT_BIN)), TempDirs.SYSTEM_TEMP, serverOptions);
    }

    /** @param parent where the instance directory goes; the server's OS user must be able to enter it */
    static Started<PostgresEndpoint> start(Path binDir, Path parent, List<String> serverOptions) throws Exception {
        Path initdb = Executables.require(binDir.resolve("initdb").toString(), BIN_VARIABLE);
        Path postgres = Executables.require(binDir.resolve("postgres").toString(), BIN_VARIABLE);
        Path pgCtl = Executables.require(binDir.resolve("pg_ctl").toString(), BIN_VARIABLE);
        Path dir = TempDirs.create(parent, "ktx-postgres-");
        try {
            giveToServerUser(dir);
            Path data = dir.resolve("data");
            Path log = dir.resolve("postgres.log");
            LocalProcess.run(
                    "initdb",
                    asServerUser(
                            initdb.toString(),
                            "-D",
                            data.toString(),
                            "-A",
                            "trust",
                            "-U",
                            SUPERUSER,
                            "-E",
                            "UTF8",
                            "--no-sync"),
                    log,
                    INITDB_TIMEOUT);
            PostgresEndpoint endpoint = new PostgresEndpoint(HOST, FreePort.find(), SUPERUSER, "postgres");
            // No Unix socket: a long temp path could exceed the socket path limit, and tests connect over TCP.
            List<String> command = new ArrayList<>(List.of(
                    postgres.toString(),
                    "-D",
                    data.toString(),
                    "-p",
                    Integer.toString(endpoint.port()),
                    "-c",
                    "listen_addresses=" + HOST,
                    "-c",
                    "unix_socket_directories="));
            command.addAll(serverOptions);
            LocalProcess server = LocalProcess.start(
                    "postgres",
                    asServerUser(command.toArray(String[]::new)),
                    log,
                    () -> acceptsQueries(endpoint),
                    START_TIMEOUT);
            return Started.of(endpoint, Origin.LOCAL, "local " + server, () -> {
                stop(pgCtl, data, log, server);
                TempDirs.delete(dir);
            });
        } catch (Exception e) {
            TempDirs.delete(dir);
            throw e;
        }
    }

    /**
     * A fast shutdown disconnects clients; the SIGTERM that {@link LocalProcess#close()} sends would be a "smart"
     * shutdown that waits for every open connection, including pooled ones in this very JVM.
     */
    private static void stop(Path pgCtl, Path data, Path log, LocalProcess server) {
        try {
            LocalProcess.run(
                    "pg_ctl stop",
                    asServerUser(
                            pgCtl.toString(),
                            "stop",
                            "-D",
                            data.toString(),
                            "-m",
                            "fast",
                            "-w",
                            "-t",
                            Long.toString(STOP_TIMEOUT.toSeconds())),
                    log,
                    STOP_TIMEOUT.plusSeconds(5));
        } catch (Exception e) {
            LOG.warn("pg_ctl stop failed for {}; killing the server", server, e);
        } finally {
            server.close();
        }
    }

    private static boolean acceptsQueries(PostgresEndpoint endpoint) throws SQLException {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl())) {
            return connection.isValid(1);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void giveToServerUser(Path dir) throws IOException {
        if (isRoot()) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
        }
    }

    /** setpriv execs the program itself, so the child we hold (and signal) is the server, not a wrapper. */
    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid", OS_USER, "--regid", OS_USER, "--init-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }
}
