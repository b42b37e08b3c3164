package dev.ktx.ingest.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ktx.ingest.connectors.http.ApiClient;
import dev.ktx.ingest.connectors.http.ApiResponse;
import dev.ktx.ingest.core.source.RawSnapshot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A live fetch of the Notion API, staged in the snapshot layout: {@code pages/<id>/page.json} is the body of
 * {@code GET /v1/pages/<id>} as received, {@code pages/<id>/blocks.json} the blocks of
 * {@code GET /v1/blocks/<id>/children} (every page of results) with each block's nested blocks under
 * {@code children}. Pages are read breadth first, the root pages first, then the search results; the child pages of
 * each page read are added. At most {@code maxPages} pages are read; a fetch that stops with pages left is partial.
 */
final class NotionCrawl {

    private static final int PAGE_SIZE = 100;
    /** Their children are another page's or a database's content, not nested blocks of this page. */
    private static final Set<String> OTHER_CONTENT = Set.of("child_page", "child_database");

    private final ApiClient api;
    private final int maxPages;

    NotionCrawl(ApiClient api, int maxPages) {
        this.api = api;
        this.maxPages = maxPages;
    }

    RawSnapshot fetch(List<String> rootPageIds, boolean search) throws InterruptedException {
        Deque<String> queue =
                new ArrayDeque<>(rootPageIds.stream().map(NotionCrawl::dashed).toList());
        if (search) {
            queue.addAll(searchPageIds());
        }
        Set<String> seen = new HashSet<>();
        SortedMap<String, byte[]> files = new TreeMap<>();
        while (!queue.isEmpty()) {
            String pageId = queue.poll();
            if (!seen.add(NotionPage.normalizeId(pageId))) {
                continue;
            }
            if (seen.size() > maxPages) {
                return RawSnapshot.partial(checked(files), "max_pages_per_run " + maxPages + " reached");
            }
            ApiResponse page = api.get("/v1/pages/" + pageId);
            String directory = "pages/" + page.text(page.json(), "id") + "/";
            files.put(directory + "page.json", page.body());
            files.put(directory + "blocks.json", BlocksJson.write(children(pageId, queue::add)));
        }
        return RawSnapshot.complete(checked(files));
    }

    /** Notion takes ids with or without dashes; asking with the form it answers in keeps requests predictable. */
    private static String dashed(String id) {
        String hex = NotionPage.normalizeId(id);
        return String.join(
                "-",
                hex.substring(0, 8),
                hex.substring(8, 12),
                hex.substring(12, 16),
                hex.substring(16, 20),
                hex.substring(20));
    }

    /** The same checks as a {@code snapshot_dir}: what a live fetch stages, a snapshot run must be able to read. */
    private static SortedMap<String, byte[]> checked(SortedMap<String, byte[]> files) {
        NotionSnapshot.parse(files);
        return files;
    }

    private List<String> searchPageIds() throws InterruptedException {
        List<String> ids = new ArrayList<>();
        eachResult(
                cursor -> {
                    ObjectNode body = JsonNodeFactory.instance.objectNode().put("page_size", PAGE_SIZE);
                    body.putObject("filter").put("property", "object").put("value", "page");
                    cursor.ifPresent(start -> body.put("start_cursor", start));
                    return api.post("/v1/search", body);
                },
                (response, result) -> ids.add(response.text(result, "id")));
        return ids;
    }

    /** The blocks under {@code blockId}, nested blocks under {@code children}; child pages go to {@code childPages}. */
    private ArrayNode children(String blockId, Consumer<String> childPages) throws InterruptedException {
        ArrayNode blocks = JsonNodeFactory.instance.arrayNode();
        List<ObjectNode> nesting = new ArrayList<>();
        eachResult(
                cursor -> api.get("/v1/blocks/" + blockId + "/children?page_size=" + PAGE_SIZE
                        + cursor.map(start -> "&start_cursor=" + URLEncoder.encode(start, StandardCharsets.UTF_8))
                                .orElse("")),
                (response, block) -> {
                    String type = response.text(block, "type");
                    if (type.equals("child_page")) {
                        childPages.accept(response.text(block, "id"));
                    }
                    if (block.path("has_children").asBoolean() && !OTHER_CONTENT.contains(type)) {
                        nesting.add((ObjectNode) block);
                    }
                    blocks.add(block);
                });
        for (ObjectNode block : nesting) {
            block.set("children", children(block.get("id").asText(), childPages));
        }
        return blocks;
    }

    /** Follows {@code next_cursor} while {@code has_more}, handing every object of {@code results} on. */
    private static void eachResult(ListCall call, ResultConsumer consumer) throws InterruptedException {
        Optional<String> cursor = Optional.empty();
        do {
            ApiResponse response = call.page(cursor);
            for (JsonNode result : response.objects(Optional.of("results"))) {
                consumer.accept(response, result);
            }
            cursor = response.json().path("has_more").asBoolean()
                    ? Optional.of(response.text(response.json(), "next_cursor"))
                    : Optional.empty();
        } while (cursor.isPresent());
    }

    @FunctionalInterface
    private interface ListCall {
        ApiResponse page(Optional<String> cursor) throws InterruptedException;
    }

    @FunctionalInterface
    private interface ResultConsumer {
        void accept(ApiResponse response, JsonNode result);
    }
}
