package dev.ktx.ingest.connectors.notion;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Serves a Notion snapshot the way the API does: {@code GET /v1/pages/<id>} answers {@code page.json} as is;
 * {@code GET /v1/blocks/<id>/children} and {@code POST /v1/search} answer list objects of {@code pageSize} results
 * with {@code has_more}/{@code next_cursor}; blocks come without {@code children} (the client asks for them).
 */
public final class NotionStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WireMockExtension server;
    private final int pageSize;

    public NotionStubs(WireMockExtension server, int pageSize) {
        this.server = server;
        this.pageSize = pageSize;
    }

    /** Every page of {@code snapshotDir}; the search finds them in directory order. */
    public void serve(Path snapshotDir) throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(snapshotDir.resolve("pages"))) {
            for (Path dir : dirs.sorted().toList()) {
                byte[] page = Files.readAllBytes(dir.resolve("page.json"));
                String id = dir.getFileName().toString();
                server.stubFor(get(urlPathEqualTo("/v1/pages/" + id))
                        .willReturn(okJson(new String(page, StandardCharsets.UTF_8))));
                pages.add(JSON.readTree(page));
                serveChildren(
                        id, (ArrayNode) JSON.readTree(dir.resolve("blocks.json").toFile()));
            }
        }
        servePaged(
                pages,
                "page_or_database",
                "search",
                cursor -> cursor == null
                        ? post(urlPathEqualTo("/v1/search")).withRequestBody(notContaining("start_cursor"))
                        : post(urlPathEqualTo("/v1/search"))
                                .withRequestBody(matchingJsonPath("$.start_cursor", equalTo(cursor))));
    }

    private void serveChildren(String parentId, ArrayNode blocks) {
        List<JsonNode> served = new ArrayList<>();
        for (JsonNode block : blocks) {
            ObjectNode copy = block.deepCopy();
            JsonNode children = copy.remove("children");
            if (children != null && !children.isEmpty()) {
                copy.put("has_children", true);
                serveChildren(copy.path("id").asText(), (ArrayNode) children);
            }
            served.add(copy);
        }
        String path = "/v1/blocks/" + parentId + "/children";
        servePaged(
                served,
                "block",
                parentId,
                cursor -> get(urlPathEqualTo(path))
                        .withQueryParam("start_cursor", cursor == null ? absent() : equalTo(cursor)));
    }

    /** One stub per page of results; the cursor of page {@code n} is {@code <cursorPrefix>-<n>}. */
    private void servePaged(List<JsonNode> results, String type, String cursorPrefix, Request request) {
        for (int from = 0, page = 0; from < results.size() || page == 0; from += pageSize, page++) {
            int to = Math.min(from + pageSize, results.size());
            ObjectNode list = JSON.createObjectNode().put("object", "list");
            list.putArray("results").addAll(results.subList(from, to));
            boolean more = to < results.size();
            if (more) {
                list.put("next_cursor", cursorPrefix + "-" + (page + 1));
            } else {
                list.putNull("next_cursor");
            }
            list.put("has_more", more).put("type", type).putObject(type);
            list.put("request_id", "8d1c2f3e-0000-4000-8000-" + String.format("%012d", page));
            server.stubFor(request.matching(page == 0 ? null : cursorPrefix + "-" + page)
                    .willReturn(okJson(list.toString())));
        }
    }

    @FunctionalInterface
    private interface Request {
        MappingBuilder matching(String cursor);
    }
}
