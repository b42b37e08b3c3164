package dev.ktx.ingest.core.config;

import java.util.SortedSet;

/** One entry of {@code connections:} in ktx.yaml; one record per supported driver. */
public sealed interface ConnectionConfig
        permits PostgresConnection, DbtConnection, MetabaseConnection, NotionConnection {

    /** Matches {@code ^[A-Za-z0-9][A-Za-z0-9_-]*$}: ids become git ref components. */
    String id();

    Driver driver();

    /**
     * The connections whose {@code semantic-layer/<conn>/} this connection's sessions may write: a warehouse its
     * own, dbt its target connection, Metabase the warehouses its databases map to, Notion none.
     */
    SortedSet<String> semanticLayerTargets();
}
