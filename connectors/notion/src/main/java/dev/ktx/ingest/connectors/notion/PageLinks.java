package dev.ktx.ingest.connectors.notion;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The keys of the pages this snapshot writes, by normalized page id: what mentions and page links resolve to. */
record PageLinks(Map<String, String> keysByNormalizedId) {

    /** How Notion links a page in rich text: {@code /<id>} or {@code https://www.notion.so/<title>-<id>}, maybe with {@code ?}/{@code #}. */
    private static final Pattern PAGE_URL = Pattern.compile(
            "^(?:https?://(?:www\\.)?[a-z0-9-]*\\.?notion\\.(?:so|site))?/(?:[^?#]*[/-])?([0-9a-fA-F]{32})(?:[?#].*)?$");

    PageLinks {
        keysByNormalizedId = Map.copyOf(keysByNormalizedId);
    }

    Optional<String> keyOf(String pageId) {
        return Optional.ofNullable(keysByNormalizedId.get(NotionPage.normalizeId(pageId)));
    }

    /** The key of the snapshot page a link URL points to. */
    Optional<String> keyOfUrl(String url) {
        Matcher page = PAGE_URL.matcher(url);
        return page.matches() ? keyOf(page.group(1)) : Optional.empty();
    }

    static String wikiLink(String key) {
        return "[[" + key + "]]";
    }

    /** {@code [[key|label]]}; characters that would end the link are left out of the label. */
    static String wikiLink(String key, String label) {
        String clean = label.replaceAll("[\\[\\]|]", "").strip();
        return clean.isEmpty() || clean.equals(key) ? wikiLink(key) : "[[" + key + "|" + clean + "]]";
    }
}
