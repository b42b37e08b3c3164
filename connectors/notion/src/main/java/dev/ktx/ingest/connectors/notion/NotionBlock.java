package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.source.RawJson;
import java.util.List;

/**
 * One block of {@code GET /v1/blocks/<id>/children}: its {@code type}, the object named after the type (e.g.
 * {@code paragraph: {rich_text: [...]}}, present for every type, even {@code divider: {}}) and the nested blocks under {@code children}.
 */
record NotionBlock(String id, String type, RawJson content, List<NotionBlock> children) {

    NotionBlock {
        children = List.copyOf(children);
    }

    static NotionBlock parse(RawJson block) {
        String type = block.text("type");
        return new NotionBlock(
                block.text("id"),
                type,
                block.object(type),
                block.objects("children").stream().map(NotionBlock::parse).toList());
    }

    /** The type object's {@code rich_text} items; empty when there are none. */
    List<RawJson> richText() {
        return content.objects("rich_text");
    }
}
