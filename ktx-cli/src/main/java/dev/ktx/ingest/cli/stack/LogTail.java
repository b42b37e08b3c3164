package dev.ktx.ingest.cli.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a component's log, quoted when it fails to start. */
final class LogTail {

    private static final int LINES = 30;

    private LogTail() {}

    static String of(Path log) {
        try {
            // decoded leniently: a server's log is not guaranteed to be valid UTF-8
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
