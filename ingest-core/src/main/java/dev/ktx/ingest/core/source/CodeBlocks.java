package dev.ktx.ingest.core.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fenced markdown code blocks whose fence is longer than any backtick run in the code, so the code cannot close it. */
public final class CodeBlocks {

    private static final Pattern BACKTICK_RUN = Pattern.compile("`{3,}");

    private CodeBlocks() {}

    /** @param language info string, empty for none */
    public static String fenced(String language, String code) {
        int longestRun = 2;
        for (Matcher run = BACKTICK_RUN.matcher(code); run.find(); ) {
            longestRun = Math.max(longestRun, run.group().length());
        }
        String fence = "`".repeat(longestRun + 1);
        return fence + language + "\n" + code + "\n" + fence;
    }
}
