package dev.ktx.ingest.connectors.dbt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code {% docs name %}…{% enddocs %}} block: its name, markdown and the snapshot file it came from. */
record DocsBlock(String name, String markdown, String rawPath) {

    private static final Pattern BLOCK =
            Pattern.compile("\\{%-?\\s*docs\\s+([A-Za-z0-9_]+)\\s*-?%}(.*?)\\{%-?\\s*enddocs\\s*-?%}", Pattern.DOTALL);

    /** The blocks of one markdown file, in file order. */
    static List<DocsBlock> parse(String rawPath, String text) {
        List<DocsBlock> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text.replace("\r\n", "\n"));
        while (matcher.find()) {
            blocks.add(new DocsBlock(matcher.group(1), matcher.group(2).strip(), rawPath));
        }
        return blocks;
    }
}
