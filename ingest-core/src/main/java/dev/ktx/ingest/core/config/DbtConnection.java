package dev.ktx.ingest.core.config;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@code driver: dbt} source.
 *
 * @param targetConnection id of the database connection whose semantic layer receives the overlays (resolved at
 *                         load time: {@code target_connection}, or the only database connection)
 */
public record DbtConnection(String id, DbtProject project, String targetConnection) implements ConnectionConfig {

    public DbtConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(targetConnection, "targetConnection");
    }

    @Override
    public Driver driver() {
        return Driver.DBT;
    }

    @Override
    public SortedSet<String> semanticLayerTargets() {
        return new TreeSet<>(List.of(targetConnection));
    }
}
