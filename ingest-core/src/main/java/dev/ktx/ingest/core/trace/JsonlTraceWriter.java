package dev.ktx.ingest.core.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Appends trace events to a JSONL file, one flushed line per event, safe for concurrent emitters. */
public final class JsonlTraceWriter implements TraceSink, AutoCloseable {

    private final Writer out;

    public JsonlTraceWriter(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            this.out = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open trace file " + file, e);
        }
    }

    @Override
    public synchronized void emit(TraceEvent event) {
        try {
            out.write(TraceJson.toLine(event));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write trace event " + event.event(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
