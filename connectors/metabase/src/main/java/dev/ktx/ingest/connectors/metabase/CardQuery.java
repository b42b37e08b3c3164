package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.core.source.RawJson;

/** A card's {@code dataset_query}: native SQL, or an MBQL query on a {@code source-table}. */
sealed interface CardQuery {

    record NativeSql(String sql) implements CardQuery {
    }

    /** {@code query} is the MBQL object ({@code source-table}, {@code aggregation}, {@code breakout}, ...). */
    record Mbql(JsonNode query) implements CardQuery {
    }

    static CardQuery parse(RawJson datasetQuery) {
        String type = datasetQuery.text("type");
        return switch (type) {
            case "native" -> new NativeSql(datasetQuery.object("native").text("query"));
            case "query" -> new Mbql(datasetQuery.object("query").node());
            default -> throw datasetQuery.invalid("type", "must be native or query, got " + type);
        };
    }
}
