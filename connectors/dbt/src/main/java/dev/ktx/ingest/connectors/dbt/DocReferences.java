package dev.ktx.ingest.connectors.dbt;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{ doc('name') }}} calls in a description from the project's docs blocks, as dbt does. A call to an
 * unknown block stays as written, so the gap is visible rather than silently empty.
 */
final class DocReferences {

    private static final Pattern DOC_CALL =
            Pattern.compile("\\{\\{\\s*doc\\(\\s*['\"]([A-Za-z0-9_]+)['\"]\\s*\\)\\s*}}");

    private final Map<String, DocsBlock> docs;

    /** @param docs docs blocks by name */
    DocReferences(Map<String, DocsBlock> docs) {
        this.docs = Map.copyOf(docs);
    }

    /** {@code text} stripped, its doc calls rendered; empty for a missing description. */
    String render(String text) {
        Matcher calls = DOC_CALL.matcher(text == null ? "" : text.strip());
        return calls.replaceAll(call -> Matcher.quoteReplacement(
                docs.containsKey(call.group(1)) ? docs.get(call.group(1)).markdown() : call.group()));
    }
}
