package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.source.RawJson;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Notion rich text arrays → plain text or inline markdown. */
final class RichText {

    private static final Pattern SURROUNDING_SPACE = Pattern.compile("^(\\s*)(.*?)(\\s*)$", Pattern.DOTALL);

    private RichText() {}

    static String plain(List<RawJson> items) {
        StringBuilder text = new StringBuilder();
        items.forEach(item -> text.append(plainText(item)));
        return text.toString();
    }

    /**
     * Inline markdown: annotations (bold, italic, strikethrough, code) and links; a mention of a page of the snapshot
     * becomes its wiki link {@code [[key]]}, a link to one {@code [[key|text]]}. Text is not escaped, so literal {@code [[key]]} stays a wiki link.
     */
    static String markdown(List<RawJson> items, PageLinks links) {
        StringBuilder text = new StringBuilder();
        for (RawJson item : items) {
            Optional<String> mentionedKey = mentionedPage(item).flatMap(links::keyOf);
            text.append(mentionedKey.map(PageLinks::wikiLink).orElseGet(() -> formatted(item, links)));
        }
        return text.toString();
    }

    private static Optional<String> mentionedPage(RawJson item) {
        if (!item.optionalText("type").filter("mention"::equals).isPresent()) {
            return Optional.empty();
        }
        RawJson mention = item.object("mention");
        return mention.optionalText("type").filter("page"::equals).isPresent()
                ? Optional.of(mention.object("page").text("id"))
                : Optional.empty();
    }

    private static String formatted(RawJson item, PageLinks links) {
        String text = item.optionalText("type").filter("equation"::equals).isPresent()
                ? "$" + item.object("equation").text("expression") + "$"
                : plainText(item);
        if (text.isBlank()) {
            return text;
        }
        Optional<RawJson> annotations = item.optionalObject("annotations");
        Matcher parts = SURROUNDING_SPACE.matcher(text);
        parts.matches();
        // Markers must hug the text: "**bold **" is not bold in markdown.
        Optional<String> url = link(item);
        Optional<String> linkedPage = url.flatMap(links::keyOfUrl);
        String core =
                linkedPage.map(key -> PageLinks.wikiLink(key, parts.group(2))).orElse(parts.group(2));
        if (linkedPage.isEmpty() && annotations.map(a -> a.flag("code")).orElse(false)) {
            core = "`" + core + "`";
        }
        core = wrap(core, "~~", annotations.map(a -> a.flag("strikethrough")).orElse(false));
        core = wrap(core, "*", annotations.map(a -> a.flag("italic")).orElse(false));
        core = wrap(core, "**", annotations.map(a -> a.flag("bold")).orElse(false));
        if (linkedPage.isEmpty() && url.isPresent()) {
            core = "[" + core + "](" + url.get() + ")";
        }
        return parts.group(1) + core + parts.group(3);
    }

    private static String wrap(String text, String marker, boolean on) {
        return on ? marker + text + marker : text;
    }

    private static Optional<String> link(RawJson item) {
        return item.optionalObject("text")
                .flatMap(text -> text.optionalObject("link"))
                .flatMap(link -> link.optionalText("url"));
    }

    private static String plainText(RawJson item) {
        return item.optionalText("plain_text")
                .or(() -> item.optionalObject("text").map(text -> text.text("content")))
                .orElse("");
    }
}
