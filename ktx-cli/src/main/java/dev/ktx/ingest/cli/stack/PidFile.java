package dev.ktx.ingest.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code <pid> <start time in epoch ms>}. The start time guards against pid reuse: after a reboot or a crash, the
 * pid may belong to an unrelated process, which must never be reported as ours, let alone be killed.
 */
record PidFile(Path file) {

    void write(ProcessHandle process) {
        String start = process.info()
                .startInstant()
                .map(i -> Long.toString(i.toEpochMilli()))
                .orElse("-");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, process.pid() + " " + start + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The process the file names, if it is still alive and still the one that was started. */
    Optional<ProcessHandle> alive() {
        return content()
                .flatMap(fields -> ProcessHandle.of(Long.parseLong(fields[0]))
                        .filter(ProcessHandle::isAlive)
                        .filter(process -> sameStart(process, fields[1])));
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static boolean sameStart(ProcessHandle process, String recorded) {
        Optional<Instant> start = process.info().startInstant();
        return recorded.equals("-") || start.isEmpty() || start.get().toEpochMilli() == Long.parseLong(recorded);
    }

    private Optional<String[]> content() {
        try {
            String[] fields = Files.readString(file).trim().split("\\s+");
            if (fields.length != 2 || !fields[0].matches("\\d+") || !fields[1].matches("\\d+|-")) {
                throw new IllegalStateException("not a pid file of ktx stack: " + file);
            }
            return Optional.of(fields);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
