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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    @TempDir
    Path parent;

    @Test
    void runsQueriesAndLeavesNothingBehindWhenClosed() throws Exception {
        // The server runs as the postgres OS user when we are root: it must be able to enter the parent.
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresEndpoint endpoint;
        try (Started<PostgresEndpoint> postgres = LocalPostgres.start(BIN, parent)) {
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
    void missingBinariesAreNamedWithTheVariableThatLocatesThem() {
        assertThatThrownBy(() -> LocalPostgres.start(Path.of("/nonexistent/pg/bin"), parent))
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
