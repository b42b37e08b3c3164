package dev.ktx.ingest.connectors.metabase;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ktx.ingest.connectors.http.ApiClient;
import dev.ktx.ingest.connectors.http.ApiResponse;
import dev.ktx.ingest.core.source.RawSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A live fetch of the Metabase API, staged in the snapshot layout with each body as received:
 * {@code databases/<id>.json} ({@code GET /api/database/<id>?include=tables.fields}) for each mapped database only —
 * cards on other databases are reported {@code unmapped_database} by the transform, never guessed —,
 * {@code cards/<id>.json} ({@code GET /api/card/<id>}) for each card {@code GET /api/card} lists that is not archived,
 * and {@code collections/<id>.json} ({@code GET /api/collection/<id>}) for the collections of those cards and their
 * ancestors (the names of a card's collection path).
 */
final class MetabaseLiveFetch {

    private final ApiClient api;
    private final SortedMap<String, byte[]> files = new TreeMap<>();

    private MetabaseLiveFetch(ApiClient api) {
        this.api = api;
    }

    static RawSnapshot fetch(ApiClient api, Set<String> mappedDatabaseIds) throws InterruptedException {
        return new MetabaseLiveFetch(api).run(mappedDatabaseIds);
    }

    private RawSnapshot run(Set<String> mappedDatabaseIds) throws InterruptedException {
        for (String databaseId : mappedDatabaseIds) {
            stage(
                    "databases/" + databaseId + ".json",
                    api.get("/api/database/" + databaseId + "?include=tables.fields"));
        }
        Deque<String> collections = new ArrayDeque<>();
        ApiResponse listed = api.get("/api/card");
        for (JsonNode summary : listed.objects(Optional.empty())) {
            ApiResponse card = api.get("/api/card/" + listed.text(summary, "id"));
            // Archived since it was listed: the list shows only cards that are not.
            if (!card.json().path("archived").asBoolean()) {
                stage("cards/" + card.text(card.json(), "id") + ".json", card);
                idOf(card.json().path("collection_id").asText("")).ifPresent(collections::add);
            }
        }
        while (!collections.isEmpty()) {
            String id = collections.poll();
            String path = "collections/" + id + ".json";
            if (!files.containsKey(path)) {
                ApiResponse collection = stage(path, api.get("/api/collection/" + id));
                for (String ancestor :
                        collection.json().path("location").asText("/").split("/")) {
                    idOf(ancestor).ifPresent(collections::add);
                }
            }
        }
        // The same checks as a snapshot_dir: what a live fetch stages, a snapshot run must be able to read.
        MetabaseSnapshot.parse(files);
        return RawSnapshot.complete(files);
    }

    private ApiResponse stage(String path, ApiResponse response) {
        files.put(path, response.body());
        return response;
    }

    /** A collection id; the root collection has none ({@code null}, {@code "root"} or an empty location part). */
    private static Optional<String> idOf(String text) {
        return text.matches("[0-9]+") ? Optional.of(text) : Optional.empty();
    }
}
