package dev.ktx.ingest.core.merge;

import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wiki pages: a page both sides created is a conflict (two owners of one page). A page both sides changed merges
 * its frontmatter as a mapping ({@code tags}, {@code refs}, {@code sl_refs}, {@code tables} as sets) and its body
 * line-wise; written by {@link WikiPageCodec}.
 */
final class WikiPageMerge {

    private static final MergeRules FRONTMATTER_RULES = new MergeRules(Map.of(
            "tags", new MergeRules.AsSet(),
            "refs", new MergeRules.AsSet(),
            "sl_refs", new MergeRules.AsSet(),
            "tables", new MergeRules.AsSet()));

    private WikiPageMerge() {}

    static FileMerge merge(RepoPath.WikiPagePath page, Optional<byte[]> base, byte[] ours, byte[] theirs) {
        if (base.isEmpty()) {
            return FileMerge.conflict(page.path(), "created on both sides with different content");
        }
        return Versions.mergeReadable(
                page.path(),
                base,
                ours,
                theirs,
                text -> WikiPageCodec.parse(page.key(), text),
                versions -> merge(page.path(), versions.base().orElseThrow(), versions.ours(), versions.theirs()));
    }

    private static FileMerge merge(String path, WikiPage base, WikiPage ours, WikiPage theirs) {
        YamlMerge.Result frontmatter = YamlMerge.mappings(
                path,
                FRONTMATTER_RULES,
                WikiPageCodec.frontmatterToYaml(base.frontmatter()),
                WikiPageCodec.frontmatterToYaml(ours.frontmatter()),
                WikiPageCodec.frontmatterToYaml(theirs.frontmatter()));
        List<MergeConflict> conflicts = new ArrayList<>(frontmatter.conflicts());
        Optional<byte[]> body = LineMerge.merge(utf8(base.body()), utf8(ours.body()), utf8(theirs.body()));
        if (body.isEmpty()) {
            conflicts.add(new MergeConflict(path, "body", LineMerge.OVERLAP));
        }
        if (!conflicts.isEmpty()) {
            return new FileMerge.Conflicted(conflicts);
        }
        try {
            WikiPage merged = new WikiPage(
                    base.key(),
                    WikiPageCodec.frontmatterFromYaml(frontmatter.merged()),
                    new String(body.get(), StandardCharsets.UTF_8));
            return new FileMerge.Merged(WikiPageCodec.write(merged).getBytes(StandardCharsets.UTF_8));
        } catch (ArtifactFormatException e) {
            // Both sides valid, the union not: e.g. more tags than a page may have.
            return FileMerge.conflict(path, "merged frontmatter is invalid: " + e.getMessage());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
