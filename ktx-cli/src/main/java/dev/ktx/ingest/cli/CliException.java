package dev.ktx.ingest.cli;

import java.util.List;

/** A failure to tell the user about in plain lines on stderr, without a stack trace; the CLI exits with 2. */
public class CliException extends RuntimeException {

    private final List<String> lines;

    public CliException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    public CliException(String line) {
        this(List.of(line));
    }

    public CliException(String line, Throwable cause) {
        this(List.of(line), cause);
    }

    public CliException(List<String> lines, Throwable cause) {
        super(String.join("\n", lines), cause);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }
}
