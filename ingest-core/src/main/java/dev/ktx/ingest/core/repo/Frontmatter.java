package dev.ktx.ingest.core.repo;

import java.util.List;

/**
 * The YAML frontmatter of a wiki page. {@code summary} is required; {@code usageMode}, {@code source}, {@code usage}
 * and {@code representativeSql} are {@code null} when absent, lists are empty when absent. {@code source} names where
 * the page came from (e.g. a connection id), {@code tables} lists {@code schema.table} names the page is about,
 * {@code usage} is free prose on how to use it, {@code representativeSql} ({@code representative_sql}) is the
 * statement a query-history pattern page stands for. Construction validates, with messages the codec reports as
 * {@code <page>: invalid frontmatter: <why>}.
 */
public record Frontmatter(
        String summary,
        List<String> tags,
        List<String> refs,
        List<SlRef> slRefs,
        UsageMode usageMode,
        String source,
        List<String> tables,
        String usage,
        String representativeSql) {

    public static final int MAX_TAGS = 3;

    public Frontmatter {
        if (summary == null || summary.isBlank()) {
            throw new ArtifactFormatException("summary is required");
        }
        tags = List.copyOf(tags);
        refs = List.copyOf(refs);
        slRefs = List.copyOf(slRefs);
        tables = List.copyOf(tables);
        if (tags.size() > MAX_TAGS) {
            throw new ArtifactFormatException("at most " + MAX_TAGS + " tags allowed, got " + tags.size());
        }
        refs.stream().filter(ref -> !RepoPaths.isValidPageKey(ref)).findFirst().ifPresent(ref -> {
            throw new ArtifactFormatException("refs entry " + ref + " is not a valid page key");
        });
    }

    /** A page that is not a query pattern: no {@code representative_sql}. */
    public Frontmatter(
            String summary,
            List<String> tags,
            List<String> refs,
            List<SlRef> slRefs,
            UsageMode usageMode,
            String source,
            List<String> tables,
            String usage) {
        this(summary, tags, refs, slRefs, usageMode, source, tables, usage, null);
    }

    /** This frontmatter with other {@code sl_refs}, every other field kept. */
    public Frontmatter withSlRefs(List<SlRef> otherSlRefs) {
        return new Frontmatter(summary, tags, refs, otherSlRefs, usageMode, source, tables, usage, representativeSql);
    }

    public static Frontmatter of(String summary) {
        return new Frontmatter(summary, List.of(), List.of(), List.of(), null, null, List.of(), null);
    }
}
