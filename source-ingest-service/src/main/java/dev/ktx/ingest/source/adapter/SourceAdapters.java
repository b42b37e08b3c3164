package dev.ktx.ingest.source.adapter;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.dbt.DbtAdapter;
import dev.ktx.ingest.core.source.metabase.MetabaseAdapter;
import dev.ktx.ingest.core.source.notion.NotionAdapter;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/** The adapter of each source driver; adapters are stateless, so one instance serves every job. */
@ApplicationScoped
public class SourceAdapters {

    private final Map<Driver, SourceAdapter> byDriver = Map.of(
            Driver.DBT, new DbtAdapter(),
            Driver.NOTION, new NotionAdapter(),
            Driver.METABASE, new MetabaseAdapter());

    public SourceAdapter forConnection(ConnectionConfig connection) {
        return Optional.ofNullable(byDriver.get(connection.driver())).orElseThrow(() -> new IllegalArgumentException(
                connection.id() + ": driver " + connection.driver().wireName() + " is not a source driver"));
    }
}
