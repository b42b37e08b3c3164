package dev.ktx.ingest.core.source.notion;

import java.util.Map;
import java.util.Optional;

/** The keys of the pages this snapshot writes, by normalized page id: what mentions and page links resolve to. */
record PageLinks(Map<String, String> keysByNormalizedId) {

    PageLinks {
        keysByNormalizedId = Map.copyOf(keysByNormalizedId);
    }

    Optional<String> keyOf(String pageId) {
        return Optional.ofNullable(keysByNormalizedId.get(NotionPage.normalizeId(pageId)));
    }

    static String wikiLink(String key) {
        return "[[" + key + "]]";
    }
}
