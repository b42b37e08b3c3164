package dev.ktx.ingest.connectors.notion;

import dev.ktx.ingest.core.input.RawFormatException;
import dev.ktx.ingest.core.source.RawJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The snapshot layout {@code pages/<id>/page.json} + {@code pages/<id>/blocks.json}, parsed into pages. */
final class NotionSnapshot {

    private static final Pattern LAYOUT = Pattern.compile("pages/([^/]+)/(page|blocks)\\.json");
    private static final String PAGE_FILE = "page.json";
    private static final String BLOCKS_FILE = "blocks.json";

    private NotionSnapshot() {}

    static boolean inLayout(String path) {
        return LAYOUT.matcher(path).matches();
    }

    /** The pages sorted by id, each id once. @throws RawFormatException naming the first bad file */
    static List<NotionPage> parse(SortedMap<String, byte[]> files) {
        List<NotionPage> pages = new ArrayList<>();
        for (String path : files.keySet()) {
            Matcher layout = LAYOUT.matcher(path);
            if (layout.matches() && layout.group(2).equals("page")) {
                pages.add(parsePage(layout.group(1), files));
            } else if (layout.matches() && !files.containsKey(pageFile(layout.group(1)))) {
                throw new RawFormatException(path, "no " + PAGE_FILE + " beside it");
            }
        }
        pages.sort(Comparator.comparing(NotionPage::normalizedId));
        for (int i = 1; i < pages.size(); i++) {
            if (pages.get(i).normalizedId().equals(pages.get(i - 1).normalizedId())) {
                throw new RawFormatException(
                        pages.get(i).pageFile(),
                        "page id also in " + pages.get(i - 1).pageFile());
            }
        }
        return pages;
    }

    private static NotionPage parsePage(String directory, SortedMap<String, byte[]> files) {
        String pagePath = pageFile(directory);
        String blocksPath = "pages/" + directory + "/" + BLOCKS_FILE;
        RawJson page = RawJson.parseObject(pagePath, files.get(pagePath));
        if (!NotionPage.normalizeId(page.text("id")).equals(NotionPage.normalizeId(directory))) {
            throw page.invalid("id", "does not match the directory " + directory);
        }
        byte[] blocks = files.get(blocksPath);
        if (blocks == null) {
            throw new RawFormatException(pagePath, "no " + BLOCKS_FILE + " beside it");
        }
        return NotionPage.parse(page, RawJson.parseArray(blocksPath, blocks), blocksPath);
    }

    private static String pageFile(String directory) {
        return "pages/" + directory + "/" + PAGE_FILE;
    }
}
