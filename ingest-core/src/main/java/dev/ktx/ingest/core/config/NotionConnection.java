package dev.ktx.ingest.core.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A {@code driver: notion} source. At least one of {@code authToken} (live API) and {@code snapshotDir} is present.
 *
 * @param apiUrl         base URL of the Notion API ({@code https://api.notion.com} unless configured)
 * @param rootPageIds    pages whose trees (the pages and their child pages) are ingested
 * @param crawlMode      which pages a live fetch reads
 * @param maxPagesPerRun a live fetch reads at most this many pages; a capped fetch is partial and deletes nothing
 * @param snapshotDir    resolved against the project directory; when present it is read instead of the live API
 */
public record NotionConnection(
        String id,
        URI apiUrl,
        Optional<SecretRef> authToken,
        List<String> rootPageIds,
        CrawlMode crawlMode,
        OptionalInt maxPagesPerRun,
        Optional<Path> snapshotDir)
        implements ConnectionConfig {

    public static final URI DEFAULT_API_URL = URI.create("https://api.notion.com");

    /** {@code tree}: the root pages and their child pages. {@code search}: every page shared with the integration. */
    public enum CrawlMode {
        TREE,
        SEARCH;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<CrawlMode> fromWireName(String name) {
            return Arrays.stream(values())
                    .filter(mode -> mode.wireName().equals(name))
                    .findFirst();
        }
    }

    public NotionConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(authToken, "authToken");
        rootPageIds = List.copyOf(rootPageIds);
        Objects.requireNonNull(crawlMode, "crawlMode");
        Objects.requireNonNull(maxPagesPerRun, "maxPagesPerRun");
        Objects.requireNonNull(snapshotDir, "snapshotDir");
    }

    @Override
    public Driver driver() {
        return Driver.NOTION;
    }

    @Override
    public SortedSet<String> semanticLayerTargets() {
        return new TreeSet<>();
    }
}
