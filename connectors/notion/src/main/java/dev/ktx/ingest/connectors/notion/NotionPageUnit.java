package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.repo.BodyReferences;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.ProvenanceRow.Action;
import dev.ktx.ingest.core.repo.ProvenanceRow.ArtifactKind;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Notion page → {@code wiki/global/<key>.md}: title as heading, blocks as markdown, {@code refs} = every page it
 * links, summary = the first sentence of its first paragraph. Archived and trashed pages only leave a
 * {@code skipped} row; unsupported block types leave one {@code skipped} row each.
 */
final class NotionPageUnit implements WorkUnit {

    static final String UNSUPPORTED_BLOCK = "unsupported_block_type:";
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)");

    private final NotionPage page;
    private final String key;
    private final PageLinks links;
    private final String connectionId;

    NotionPageUnit(NotionPage page, String key, PageLinks links, String connectionId) {
        this.page = page;
        this.key = key;
        this.links = links;
        this.connectionId = connectionId;
    }

    @Override
    public String id() {
        return page.id();
    }

    @Override
    public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
        UnitOutput.Builder output = UnitOutput.builder();
        if (page.removedAs().isPresent()) {
            return output.provenance(row(
                            snapshot,
                            page.pageFile(),
                            Action.SKIPPED,
                            page.removedAs().get()))
                    .build();
        }
        BlockMarkdown markdown = new BlockMarkdown(links);
        String title = page.title().isEmpty() ? key : page.title();
        String body = "# " + title + "\n\n" + markdown.render(page.blocks());
        Frontmatter frontmatter = new Frontmatter(
                summary(title),
                List.of(NotionAdapter.SOURCE_KEY),
                refs(body),
                List.of(),
                null,
                connectionId,
                List.of(),
                null);
        WikiPage wikiPage = new WikiPage(key, frontmatter, body);
        output.write(wikiPage.path(), WikiPageCodec.write(wikiPage))
                .provenance(row(snapshot, page.pageFile(), Action.WIKI_WRITTEN, null));
        markdown.unsupportedTypes()
                .forEach(type ->
                        output.provenance(row(snapshot, page.blocksFile(), Action.SKIPPED, UNSUPPORTED_BLOCK + type)));
        return output.build();
    }

    /** Wiki links of the body (mentions and page links were rendered as {@code [[key]]} too) that are valid keys. */
    private List<String> refs(String body) {
        TreeSet<String> refs = new TreeSet<>(BodyReferences.of(body).links());
        refs.removeIf(ref -> !RepoPaths.isValidPageKey(ref) || ref.equals(key));
        return List.copyOf(refs);
    }

    private String summary(String title) {
        Optional<String> paragraph = page.blocks().stream()
                .filter(block -> block.type().equals("paragraph"))
                .map(block ->
                        RichText.plain(block.richText()).replaceAll("\\s+", " ").strip())
                .filter(text -> !text.isEmpty())
                .findFirst();
        return paragraph
                .map(text -> {
                    Matcher sentence = FIRST_SENTENCE.matcher(text);
                    return sentence.find() ? sentence.group(1) : text;
                })
                .orElse(title);
    }

    private ProvenanceRow row(StagedSnapshot snapshot, String rawPath, Action action, String reason) {
        return new ProvenanceRow(rawPath, snapshot.sha256(rawPath), ArtifactKind.WIKI, key, action, reason);
    }
}
