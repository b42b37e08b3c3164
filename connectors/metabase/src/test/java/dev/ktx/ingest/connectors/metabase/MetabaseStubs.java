package dev.ktx.ingest.connectors.metabase;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Serves a Metabase snapshot the way the API does: {@code GET /api/database/<id>?include=tables.fields},
 * {@code GET /api/collection/<id>} and {@code GET /api/card/<id>} answer the snapshot's files as they are;
 * {@code GET /api/card} lists the cards that are not archived, as Metabase's default filter does.
 */
public final class MetabaseStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MetabaseStubs() {}

    public static void serve(WireMockExtension server, Path snapshotDir) throws IOException {
        ArrayNode listed = JSON.createArrayNode();
        for (Path file : files(snapshotDir.resolve("cards"))) {
            JsonNode card = JSON.readTree(file.toFile());
            if (!card.path("archived").asBoolean()) {
                listed.add(card);
            }
            serve(server, "/api/card/" + id(file), file);
        }
        server.stubFor(get(urlPathEqualTo("/api/card")).willReturn(okJson(listed.toString())));
        for (Path file : files(snapshotDir.resolve("collections"))) {
            serve(server, "/api/collection/" + id(file), file);
        }
        for (Path file : files(snapshotDir.resolve("databases"))) {
            server.stubFor(get(urlPathEqualTo("/api/database/" + id(file)))
                    .withQueryParam("include", equalTo("tables.fields"))
                    .willReturn(okJson(Files.readString(file, StandardCharsets.UTF_8))));
        }
    }

    private static void serve(WireMockExtension server, String path, Path file) throws IOException {
        server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(Files.readString(file, StandardCharsets.UTF_8))));
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    private static String id(Path file) {
        return file.getFileName().toString().replace(".json", "");
    }
}
