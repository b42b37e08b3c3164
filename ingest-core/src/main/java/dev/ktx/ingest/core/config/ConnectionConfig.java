package dev.ktx.ingest.core.config;

/** One entry of {@code connections:} in ktx.yaml; one record per supported driver. */
public sealed interface ConnectionConfig
        permits PostgresConnection, DbtConnection, MetabaseConnection, NotionConnection {

    /** Matches {@code ^[A-Za-z0-9][A-Za-z0-9_-]*$}: ids become git ref components. */
    String id();

    Driver driver();
}
