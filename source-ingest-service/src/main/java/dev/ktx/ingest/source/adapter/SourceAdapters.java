package dev.ktx.ingest.source.adapter;

import dev.ktx.ingest.core.config.ConnectionConfig;
import dev.ktx.ingest.core.config.Driver;
import dev.ktx.ingest.core.source.SourceAdapter;
import dev.ktx.ingest.core.source.dbt.DbtAdapter;
import dev.ktx.ingest.core.source.metabase.MetabaseAdapter;
import dev.ktx.ingest.core.source.notion.NotionAdapter;
import dev.ktx.ingest.source.messaging.SourceIngestSettings;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * The adapter of each source driver; one instance serves every job (the dbt adapter's clone cache serialises the
 * jobs of one repository itself).
 */
@ApplicationScoped
public class SourceAdapters {

    private final Map<Driver, SourceAdapter> byDriver;

    public SourceAdapters(SourceIngestSettings settings) {
        byDriver = Map.of(
                Driver.DBT, new DbtAdapter(settings.cacheDir().orElseGet(DbtAdapter::defaultCacheDir)),
                Driver.NOTION, new NotionAdapter(),
                Driver.METABASE, new MetabaseAdapter());
    }

    public SourceAdapter forConnection(ConnectionConfig connection) {
        return Optional.ofNullable(byDriver.get(connection.driver())).orElseThrow(() -> new IllegalArgumentException(
                connection.id() + ": driver " + connection.driver().wireName() + " is not a source driver"));
    }
}
