package dev.ktx.ingest.connectors.dbt;

import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.source.StagedSnapshot;
import dev.ktx.ingest.core.source.UnitOutput;
import dev.ktx.ingest.core.source.WorkUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One wiki page per docs block: key derived from the block name (docs/context-repository.md#page-keys, so other sources can link to it), summary
 * = the block's first sentence, body = the block's markdown as written (literal {@code [[key]]} stays a wiki link).
 */
final class DocsPagesUnit implements WorkUnit {

    static final String ID = "docs";
    static final List<String> TAGS = List.of("dbt");

    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");
    private static final Pattern FIRST_SENTENCE = Pattern.compile("^(.+?[.!?])(?:\\s|$)");

    private final List<DocsBlock> blocks;
    private final String connectionId;

    DocsPagesUnit(List<DocsBlock> blocks, String connectionId) {
        this.blocks = List.copyOf(blocks);
        this.connectionId = connectionId;
    }

    /** {@code activation_policy_change_jan_2026} → {@code activation-policy-change-jan-2026} */
    static String pageKey(String docsName) {
        return docsName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The heading text when the block opens with one, else the first sentence of its first paragraph (lines up to
     * the first blank line, joined); empty for a block without text.
     */
    static Optional<String> summary(String markdown) {
        List<String> lines = markdown.lines().dropWhile(String::isBlank).toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Matcher heading = HEADING.matcher(lines.get(0).strip());
        if (heading.matches()) {
            return Optional.of(heading.group(1).strip()).filter(text -> !text.isEmpty());
        }
        String paragraph = String.join(
                " ",
                lines.stream()
                        .takeWhile(line -> !line.isBlank())
                        .map(String::strip)
                        .toList());
        Matcher sentence = FIRST_SENTENCE.matcher(paragraph);
        return Optional.of(sentence.find() ? sentence.group(1) : paragraph);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public UnitOutput run(StagedSnapshot snapshot, RepoTree base) {
        UnitOutput.Builder output = UnitOutput.builder();
        Set<String> keys = new HashSet<>();
        for (DocsBlock block : blocks) {
            String key = pageKey(block.name());
            Optional<String> summary = summary(block.markdown());
            String skipReason = !RepoPaths.isValidPageKey(key)
                    ? "invalid_page_key"
                    : !keys.add(key) ? "duplicate_page_key" : summary.isEmpty() ? "empty_docs_block" : null;
            if (skipReason != null) {
                output.provenance(row(snapshot, block, key, ProvenanceRow.Action.SKIPPED, skipReason));
                continue;
            }
            Frontmatter frontmatter =
                    new Frontmatter(summary.get(), TAGS, List.of(), List.of(), null, connectionId, List.of(), null);
            WikiPage page = new WikiPage(key, frontmatter, block.markdown());
            output.write(page.path(), WikiPageCodec.write(page));
            output.provenance(row(snapshot, block, key, ProvenanceRow.Action.WIKI_WRITTEN, null));
        }
        return output.build();
    }

    private static ProvenanceRow row(
            StagedSnapshot snapshot, DocsBlock block, String key, ProvenanceRow.Action action, String reason) {
        return new ProvenanceRow(
                block.rawPath(),
                snapshot.sha256(block.rawPath()),
                ProvenanceRow.ArtifactKind.WIKI,
                key,
                action,
                reason);
    }
}
