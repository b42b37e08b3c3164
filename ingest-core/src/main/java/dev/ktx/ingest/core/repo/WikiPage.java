package dev.ktx.ingest.core.repo;

import java.util.Objects;

/** A wiki page {@code wiki/global/<key>.md}. The body is normalized to LF and to at most one trailing newline. */
public record WikiPage(String key, Frontmatter frontmatter, String body) {

    public WikiPage {
        if (!RepoPaths.isValidPageKey(key)) {
            throw new IllegalArgumentException("invalid page key: " + key);
        }
        Objects.requireNonNull(frontmatter, "frontmatter");
        body = normalize(body);
    }

    public String path() {
        return RepoPaths.wikiPage(key);
    }

    private static String normalize(String body) {
        String text = body.replace("\r\n", "\n").stripTrailing();
        return text.isEmpty() ? "" : text + "\n";
    }
}
