package dev.ktx.ingest.connectors.metabase;

import dev.ktx.ingest.core.source.RawJson;
import java.util.Optional;

/**
 * {@code cards/<id>.json}: {@code GET /api/card/<id>}. {@code collectionId} is empty for the root collection;
 * {@code query} is the {@code dataset_query}.
 */
record MetabaseCard(
        long id,
        String name,
        Optional<String> description,
        boolean archived,
        Optional<Long> collectionId,
        long databaseId,
        CardQuery query,
        String file) {

    static MetabaseCard parse(RawJson json) {
        RawJson datasetQuery = json.object("dataset_query");
        long databaseId = json.optionalId("database_id").orElseGet(() -> datasetQuery.id("database"));
        return new MetabaseCard(
                json.id("id"),
                json.text("name"),
                json.optionalText("description").map(String::strip).filter(text -> !text.isEmpty()),
                json.flag("archived"),
                json.optionalId("collection_id"),
                databaseId,
                CardQuery.parse(datasetQuery),
                json.file());
    }
}
