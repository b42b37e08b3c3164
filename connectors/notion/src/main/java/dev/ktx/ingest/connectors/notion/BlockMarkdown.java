package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.source.CodeBlocks;
import dev.ktx.ingest.core.source.RawJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Renders Notion blocks as markdown. Supported: paragraph, heading_1/2/3 (one level below the page title), bulleted
 * and numbered list items, to-dos and toggles (children nested), quote and callout (children quoted), code, equation,
 * divider, table, bookmark/embed/link_preview as links, the containers column_list/column/synced_block (their
 * children), and link_to_page/child_page as wiki links to pages of the snapshot. Other types (media, child databases)
 * are left out and remembered in {@link #unsupportedTypes()}. One instance renders one page.
 */
final class BlockMarkdown {

    private record Chunk(String text, boolean listItem) {}

    private final PageLinks links;
    private final SortedSet<String> unsupported = new TreeSet<>();

    BlockMarkdown(PageLinks links) {
        this.links = links;
    }

    SortedSet<String> unsupportedTypes() {
        return Collections.unmodifiableSortedSet(unsupported);
    }

    /** Blocks separated by blank lines; consecutive list items by single newlines so they form one list. */
    String render(List<NotionBlock> blocks) {
        StringBuilder out = new StringBuilder();
        Chunk previous = null;
        int number = 0;
        for (NotionBlock block : blocks) {
            number = block.type().equals("numbered_list_item") ? number + 1 : 0;
            for (Chunk chunk : chunks(block, number)) {
                if (previous != null) {
                    out.append(previous.listItem() && chunk.listItem() ? "\n" : "\n\n");
                }
                out.append(chunk.text());
                previous = chunk;
            }
        }
        return out.toString();
    }

    private List<Chunk> chunks(NotionBlock block, int number) {
        String text = RichText.markdown(block.richText(), links);
        return switch (block.type()) {
            case "paragraph" -> withChildren(text.isBlank() ? null : text, block);
            case "heading_1" -> withChildren("## " + text, block);
            case "heading_2" -> withChildren("### " + text, block);
            case "heading_3" -> withChildren("#### " + text, block);
            case "bulleted_list_item" -> listItem("- ", text, block);
            case "numbered_list_item" -> listItem(number + ". ", text, block);
            case "to_do" -> listItem(block.content().flag("checked") ? "- [x] " : "- [ ] ", text, block);
            case "quote" -> quoted(text, block);
            case "callout" -> quoted(icon(block).map(icon -> icon + " ").orElse("") + text, block);
            case "toggle" -> listItem("- ", text, block);
            case "code" -> List.of(new Chunk(codeFence(block), false));
            case "equation" -> List.of(new Chunk("$$\n" + block.content().text("expression") + "\n$$", false));
            case "divider" -> List.of(new Chunk("---", false));
            case "table" -> List.of(new Chunk(table(block), false));
            case "bookmark", "embed", "link_preview" -> List.of(new Chunk(webLink(block), false));
            case "column_list", "column", "synced_block" -> withChildren(null, block);
            // Navigation Notion draws from the page itself: nothing to keep.
            case "table_of_contents", "breadcrumb" -> List.of();
            case "link_to_page" -> pageLink(linkedPageId(block));
            case "child_page" -> pageLink(Optional.of(block.id()));
            default -> {
                unsupported.add(block.type());
                yield List.of();
            }
        };
    }

    /** The block's own chunk (if any), then its children at the same level: markdown cannot nest them under it. */
    private List<Chunk> withChildren(String text, NotionBlock block) {
        List<Chunk> chunks = new ArrayList<>();
        if (text != null) {
            chunks.add(new Chunk(text, false));
        }
        String children = render(block.children());
        if (!children.isEmpty()) {
            chunks.add(new Chunk(children, false));
        }
        return chunks;
    }

    private List<Chunk> listItem(String marker, String text, NotionBlock block) {
        String indent = " ".repeat(marker.length());
        StringBuilder item = new StringBuilder(marker).append(text.replace("\n", "\n" + indent));
        String children = render(block.children());
        if (!children.isEmpty()) {
            item.append('\n').append(prefixLines(children, indent, ""));
        }
        return List.of(new Chunk(item.toString(), true));
    }

    private List<Chunk> quoted(String text, NotionBlock block) {
        String children = render(block.children());
        String content = children.isEmpty() ? text : text + "\n\n" + children;
        return List.of(new Chunk(prefixLines(content, "> ", ">"), false));
    }

    private String codeFence(NotionBlock block) {
        String language = block.content()
                .optionalText("language")
                .filter(l -> !l.equals("plain text"))
                .orElse("");
        return CodeBlocks.fenced(language, RichText.plain(block.richText()));
    }

    /**
     * A pipe table of the {@code table_row} children. Markdown needs a header row: the first row when Notion marks it
     * as one, else an empty one, so that no data row is promoted.
     */
    private String table(NotionBlock block) {
        List<List<String>> rows = block.children().stream()
                .filter(row -> row.type().equals("table_row"))
                .map(row -> row.content().arraysOfObjects("cells").stream()
                        .map(this::tableCell)
                        .toList())
                .toList();
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean header = block.content().flag("has_column_header") && !rows.isEmpty();
        StringBuilder out = new StringBuilder(tableRow(header ? rows.get(0) : List.of(), width)).append("\n|");
        out.append(" --- |".repeat(width));
        rows.stream().skip(header ? 1 : 0).forEach(row -> out.append('\n').append(tableRow(row, width)));
        return out.toString();
    }

    /** Wiki links lose their label here: its {@code |} would split the cell. */
    private String tableCell(List<RawJson> cell) {
        return RichText.markdown(cell, links)
                .replaceAll("\\[\\[([^|\\]]+)\\|[^\\]]*]]", "[[$1]]")
                .replace("|", "\\|")
                .replace("\n", "<br>");
    }

    private static String tableRow(List<String> cells, int width) {
        StringBuilder row = new StringBuilder("|");
        for (int i = 0; i < width; i++) {
            row.append(' ').append(i < cells.size() ? cells.get(i) : "").append(" |");
        }
        return row.toString();
    }

    /** {@code [caption](url)}, the URL itself when there is no caption. */
    private String webLink(NotionBlock block) {
        String url = block.content().text("url");
        String caption =
                RichText.markdown(block.content().objects("caption"), links).strip();
        return "[" + (caption.isEmpty() ? url : caption) + "](" + url + ")";
    }

    private List<Chunk> pageLink(Optional<String> pageId) {
        return pageId.flatMap(links::keyOf)
                .map(key -> List.of(new Chunk(PageLinks.wikiLink(key), false)))
                .orElse(List.of());
    }

    private Optional<String> linkedPageId(NotionBlock block) {
        RawJson target = block.content();
        return target.optionalText("type").filter("page_id"::equals).flatMap(type -> target.optionalText("page_id"));
    }

    private static Optional<String> icon(NotionBlock block) {
        return block.content().optionalObject("icon").flatMap(icon -> icon.optionalText("emoji"));
    }

    private static String prefixLines(String text, String prefix, String blankLinePrefix) {
        StringBuilder out = new StringBuilder();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            out.append(i == 0 ? "" : "\n").append(lines[i].isEmpty() ? blankLinePrefix : prefix + lines[i]);
        }
        return out.toString();
    }
}
