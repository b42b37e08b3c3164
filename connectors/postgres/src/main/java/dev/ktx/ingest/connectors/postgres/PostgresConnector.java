package dev.ktx.ingest.connectors.postgres;

import dev.ktx.ingest.core.config.PostgresConnection;
import dev.ktx.ingest.core.config.PostgresUrl;
import dev.ktx.ingest.core.config.Redaction;
import dev.ktx.ingest.core.config.SecretResolutionException;
import dev.ktx.ingest.core.config.SecretResolver;
import dev.ktx.ingest.core.database.DatabaseIngestException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Opens a read-only JDBC connection for a postgres connection, with errors that name it and hide its password. */
public final class PostgresConnector {

    private static final String APPLICATION_NAME = "ktx-ingest";

    private final SecretResolver secrets;

    public PostgresConnector(SecretResolver secrets) {
        this.secrets = secrets;
    }

    /** @throws DatabaseIngestException {@code postgres connection <id>: cannot connect to <jdbc url> as <user>: <why>} */
    public Connection open(PostgresConnection connection) {
        PostgresUrl url;
        try {
            url = connection.url().resolve(secrets);
        } catch (SecretResolutionException e) {
            throw DatabaseIngestException.of(connection.id(), e.getMessage());
        }
        Properties properties = new Properties();
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        url.secretParameters().forEach(properties::setProperty);
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        Connection jdbc;
        try {
            jdbc = DriverManager.getConnection(url.jdbcUrl(), properties);
        } catch (SQLException e) {
            // The driver's message only (no cause attached): it is what a user needs, and nothing can leak from a
            // cause.
            String reason = redact(e.getMessage(), url);
            throw DatabaseIngestException.of(
                    connection.id(),
                    "cannot connect to " + url.jdbcUrl() + " as " + url.user().orElse("<default user>") + ": " + reason,
                    e.getSQLState());
        }
        try {
            jdbc.setReadOnly(true);
            return jdbc;
        } catch (SQLException e) {
            Jdbc.closeQuietly(jdbc);
            throw DatabaseIngestException.of(connection.id(), e.getMessage());
        }
    }

    /** The driver does not echo secrets today; this keeps it that way should a message ever include one. */
    static String redact(String message, PostgresUrl url) {
        String redacted = Redaction.urls(message);
        for (String secret : secretsOf(url)) {
            redacted = secret.isEmpty() || redacted == null ? redacted : redacted.replace(secret, Redaction.MASK);
        }
        return redacted;
    }

    private static List<String> secretsOf(PostgresUrl url) {
        List<String> secrets = new ArrayList<>(url.secretParameters().values());
        url.password().ifPresent(secrets::add);
        return secrets;
    }
}
