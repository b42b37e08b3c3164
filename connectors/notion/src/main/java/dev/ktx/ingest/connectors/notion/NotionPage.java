package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.source.RawJson;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A page of the snapshot: {@code page.json} ({@code GET /v1/pages/<id>}) with its blocks. {@code removedAs} is
 * {@code archived} or {@code in_trash} for pages Notion no longer shows, empty otherwise.
 */
record NotionPage(
        String id,
        String title,
        Optional<String> removedAs,
        List<NotionBlock> blocks,
        String pageFile,
        String blocksFile) {

    NotionPage {
        blocks = List.copyOf(blocks);
    }

    static NotionPage parse(RawJson page, List<RawJson> blocks, String blocksFile) {
        Optional<String> removedAs = page.flag("in_trash")
                ? Optional.of("in_trash")
                : page.flag("archived") ? Optional.of("archived") : Optional.empty();
        if (!normalizeId(page.text("id")).matches("[0-9a-f]{32}")) {
            throw page.invalid("id", "is not a Notion page id");
        }
        return new NotionPage(
                page.text("id"),
                title(page),
                removedAs,
                blocks.stream().map(NotionBlock::parse).toList(),
                page.file(),
                blocksFile);
    }

    /** The id without dashes in lower case: how mentions, links and directory names are matched. */
    static String normalizeId(String id) {
        return id.replace("-", "").toLowerCase(Locale.ROOT);
    }

    String normalizedId() {
        return normalizeId(id);
    }

    /** The plain text of the one property of type {@code title}. */
    private static String title(RawJson page) {
        RawJson properties = page.object("properties");
        for (String name : properties.fieldNames()) {
            RawJson property = properties.object(name);
            if (property.optionalText("type").filter("title"::equals).isPresent()) {
                return RichText.plain(property.objects("title")).strip();
            }
        }
        throw page.invalid("properties", "has no property of type title");
    }
}
