package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresIT {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    @TempDir
    Path parent;

    @Test
    void runsQueriesAndLeavesNothingBehindWhenClosed() throws Exception {
        // The server runs as the postgres OS user when we are root: it must be able to enter the parent.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresEndpoint endpoint;
        try (Started<PostgresEndpoint> postgres =
                LocalPostgres.start(BIN, parent, PostgresService.Flavor.STOCK.serverOptions())) {
            endpoint = postgres.endpoint();
            try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl());
                    Statement statement = connection.createStatement()) {
                assertThat(singleInt(statement, "select 1")).isEqualTo(1);
                statement.execute("create table page (id int primary key)");
                statement.execute("insert into page values (7)");
                assertThat(singleInt(statement, "select id from page")).isEqualTo(7);
            }
            assertThat(parent).isNotEmptyDirectory();
        }
        assertThat(parent).isEmptyDirectory();
        assertThat(Ports.isListening(endpoint.host(), endpoint.port())).isFalse();
    }

    @Test
    void thePgStatStatementsFlavorRecordsTopLevelStatements() throws Exception {
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Started<PostgresEndpoint> postgres =
                        LocalPostgres.start(BIN, parent, PostgresService.Flavor.PG_STAT_STATEMENTS.serverOptions());
                Connection connection =
                        DriverManager.getConnection(postgres.endpoint().jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("create extension pg_stat_statements");
            statement.execute("select 42 as probe");
            try (ResultSet result = statement.executeQuery("select current_setting('pg_stat_statements.track'), "
                    + "calls from pg_stat_statements where query like 'select $1 as probe'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("top");
                assertThat(result.getLong(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void missingBinariesAreNamedWithTheVariableThatLocatesThem() {
        assertThatThrownBy(() -> LocalPostgres.start(Path.of("/nonexistent/pg/bin"), parent, List.of()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("/nonexistent/pg/bin/initdb")
                .hasMessageContaining(LocalPostgres.BIN_VARIABLE);
        assertThat(parent).isEmptyDirectory();
    }

    static int singleInt(Statement statement, String query) throws Exception {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).isTrue();
            return result.getInt(1);
        }
    }
}
