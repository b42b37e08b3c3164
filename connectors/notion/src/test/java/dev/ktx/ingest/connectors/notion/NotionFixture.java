package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.config.NotionConnection;
import dev.ktx.ingest.core.repo.InMemoryRepoTree;
import dev.ktx.ingest.core.source.AdapterHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Writes a Notion snapshot in the API's JSON shapes (fields the adapter ignores left out) and runs the adapter on it. */
final class NotionFixture {

    private final Path dir;

    NotionFixture(Path dir) {
        this.dir = dir;
    }

    NotionFixture page(String id, String title, String... blocks) {
        return writePage(id, title, "", blocks);
    }

    /** A page with {@code <flag>: true}, e.g. {@code archived} or {@code in_trash}. */
    NotionFixture removedPage(String id, String title, String flag) {
        return writePage(id, title, "\"" + flag + "\": true,");
    }

    private NotionFixture writePage(String id, String title, String flags, String... blocks) {
        file("pages/" + id + "/page.json", """
                {"object": "page", "id": "%s", %s "parent": {"type": "workspace", "workspace": true},
                 "properties": {"Name": {"id": "title", "type": "title", "title": [%s]}}}
                """.formatted(id, flags, text(title)));
        return file("pages/" + id + "/blocks.json", "[" + String.join(",", blocks) + "]");
    }

    NotionFixture file(String path, String content) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AdapterHarness.Result run() throws IOException, InterruptedException {
        return AdapterHarness.run(
                new NotionAdapter(), AdapterHarness.context(snapshot(dir), dir), new InMemoryRepoTree());
    }

    /** The {@code docs} connection reading {@code snapshotDir}. */
    static NotionConnection snapshot(Path snapshotDir) {
        return new NotionConnection(
                "docs",
                NotionConnection.DEFAULT_API_URL,
                Optional.empty(),
                List.of(),
                NotionConnection.CrawlMode.SEARCH,
                OptionalInt.empty(),
                Optional.of(snapshotDir));
    }

    static String text(String content) {
        return """
                {"type": "text", "text": {"content": "%s", "link": null}, "plain_text": "%s"}""".formatted(content, content);
    }

    static String mention(String pageId, String title) {
        return """
                {"type": "mention", "mention": {"type": "page", "page": {"id": "%s"}}, "plain_text": "%s"}""".formatted(pageId, title);
    }

    static String block(String type, String content, String... children) {
        String nested = children.length == 0 ? "" : ", \"children\": [" + String.join(",", children) + "]";
        return """
                {"object": "block", "id": "%s", "type": "%s", "%s": %s%s}""".formatted(
                UUID.nameUUIDFromBytes((type + content).getBytes(StandardCharsets.UTF_8)), type, type, content, nested);
    }

    /** A {@code child_page} block: its id is the child page's id. */
    static String childPage(String pageId, String title) {
        return """
                {"object": "block", "id": "%s", "has_children": true, "type": "child_page", "child_page": {"title": "%s"}}""".formatted(pageId, title);
    }

    static String paragraph(String... richText) {
        return block("paragraph", richText(richText));
    }

    static String richText(String... items) {
        return "{\"rich_text\": [" + String.join(",", items) + "]}";
    }
}
