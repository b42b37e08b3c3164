package dev.ktx.ingest.core.database;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.ktx.ingest.core.git.Changeset;
import dev.ktx.ingest.core.repo.ArtifactFormatException;
import dev.ktx.ingest.core.repo.Frontmatter;
import dev.ktx.ingest.core.repo.ProvenanceRow;
import dev.ktx.ingest.core.repo.RepoPath;
import dev.ktx.ingest.core.repo.RepoPaths;
import dev.ktx.ingest.core.repo.RepoTree;
import dev.ktx.ingest.core.repo.SyncId;
import dev.ktx.ingest.core.repo.WikiPage;
import dev.ktx.ingest.core.repo.WikiPageCodec;
import dev.ktx.ingest.core.source.PageKeys;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The {@code query-history} step's wiki pages, one per {@link QueryPattern}, computed against the session's base tree:
 * <pre>
 * wiki/global/query-&lt;conn&gt;-&lt;hash&gt;.md                    key: slug of the connection id + 12 hex of the SQL's SHA-256
 *   summary, tags: [query-history, pattern], source: &lt;conn&gt;, tables, usage, representative_sql
 * raw-sources/&lt;conn&gt;/query-history/&lt;syncId&gt;/patterns.json   the patterns (queryids, executions, tables, SQL)
 * provenance/&lt;conn&gt;/query-history/&lt;syncId&gt;.jsonl           one wiki_written row per pattern page
 * </pre>
 * A read of query history is authoritative, so the connection's pattern pages that no pattern produced any more are
 * deleted (the final gates' delete limit still applies). Pages are recognized by key prefix, tags and
 * {@code source}, so another source's page is never touched. Nothing changed: empty changeset, no snapshot.
 */
public final class QueryPatternPages {

    /** The {@code <sourceKey>} of the query-history step's raw snapshots and provenance. */
    public static final String SOURCE_KEY = "query-history";

    public static final List<String> TAGS = List.of("query-history", "pattern");
    static final String FILE_NAME = "patterns.json";
    private static final int HASH_HEX_DIGITS = 12;

    @JsonPropertyOrder({"page", "queryIds", "executions", "tables", "sql"})
    private record RawPattern(String page, List<Long> queryIds, long executions, List<String> tables, String sql) {}

    private QueryPatternPages() {}

    public static Changeset changes(RepoTree base, String connectionId, List<QueryPattern> patterns, SyncId syncId) {
        SortedMap<String, QueryPattern> byKey = new TreeMap<>();
        patterns.forEach(pattern -> byKey.put(key(connectionId, pattern), pattern));
        Changeset.Builder changes = Changeset.builder();
        byKey.forEach((key, pattern) -> {
            String text = WikiPageCodec.write(page(key, connectionId, pattern));
            if (base.readText(RepoPaths.wikiPage(key)).filter(text::equals).isEmpty()) {
                changes.write(RepoPaths.wikiPage(key), text);
            }
        });
        existingKeys(base, connectionId).stream()
                .filter(key -> !byKey.containsKey(key))
                .forEach(key -> changes.delete(RepoPaths.wikiPage(key)));
        Changeset pages = changes.build();
        if (pages.isEmpty()) {
            return pages;
        }
        List<RawPattern> raw = byKey.entrySet().stream()
                .map(entry -> new RawPattern(
                        entry.getKey(),
                        entry.getValue().queryIds(),
                        entry.getValue().executions(),
                        entry.getValue().tables(),
                        entry.getValue().sql()))
                .toList();
        SyncSnapshot.write(
                changes,
                connectionId,
                SOURCE_KEY,
                syncId,
                FILE_NAME,
                SyncSnapshot.json(raw),
                byKey.keySet().stream()
                        .map(key -> new SyncSnapshot.Artifact(
                                ProvenanceRow.ArtifactKind.WIKI, key, ProvenanceRow.Action.WIKI_WRITTEN))
                        .toList());
        return changes.build();
    }

    /** The key of the wiki page of {@code pattern}: {@code query-<conn>-<hash of its SQL>}. */
    public static String key(String connectionId, QueryPattern pattern) {
        return keyPrefix(connectionId)
                + SyncSnapshot.sha256(pattern.sql().getBytes(StandardCharsets.UTF_8))
                        .substring(0, HASH_HEX_DIGITS);
    }

    private static String keyPrefix(String connectionId) {
        return "query-" + PageKeys.slug(connectionId) + "-";
    }

    private static WikiPage page(String key, String connectionId, QueryPattern pattern) {
        String tables = String.join(", ", pattern.tables());
        Frontmatter frontmatter = new Frontmatter(
                "Query pattern on " + tables + " (" + connectionId + ")",
                TAGS,
                List.of(),
                List.of(),
                null,
                connectionId,
                pattern.tables(),
                executions(pattern.executions()),
                pattern.sql());
        return new WikiPage(
                key,
                frontmatter,
                "A statement that `pg_stat_statements` recorded on `" + connectionId
                        + "`, shown as `representative_sql` with its constants as parameters (`$1`, `$2`, …).\n");
    }

    private static String executions(long count) {
        return count == 1 ? "Ran once" : "Ran " + count + " times";
    }

    /** Keys of the base's pattern pages of this connection. */
    private static List<String> existingKeys(RepoTree base, String connectionId) {
        String prefix = keyPrefix(connectionId);
        return base.listFiles(RepoPaths.WIKI_DIR).stream()
                .flatMap(path -> RepoPaths.classify(path).stream())
                .filter(RepoPath.WikiPagePath.class::isInstance)
                .map(path -> ((RepoPath.WikiPagePath) path).key())
                .filter(key -> key.startsWith(prefix) && isPatternPage(base, key, connectionId))
                .toList();
    }

    private static boolean isPatternPage(RepoTree base, String key, String connectionId) {
        Optional<String> text = base.readText(RepoPaths.wikiPage(key));
        try {
            Frontmatter frontmatter = WikiPageCodec.parse(key, text.orElse("")).frontmatter();
            return connectionId.equals(frontmatter.source())
                    && frontmatter.tags().containsAll(TAGS);
        } catch (ArtifactFormatException e) {
            return false; // not a page this step wrote
        }
    }
}
