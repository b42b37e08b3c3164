package dev.ktx.ingest.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The endpoints of the running stack, as {@code KEY=value} lines in {@code stack.env} (a shell can source it).
 * Immutable; {@link #with} returns a copy.
 */
public record StackEnv(SortedMap<String, String> values) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String REDIS_URL = "KTX_REDIS_URL";
    public static final String PLANNER_URL = "KTX_PLANNER_URL";

    private static final String HEADER = "# written by `ktx stack up`; removed by `ktx stack down`\n";

    public StackEnv {
        values = new TreeMap<>(values);
    }

    public static StackEnv empty() {
        return new StackEnv(new TreeMap<>());
    }

    /** The file's entries; empty when there is no file (no stack). Blank lines and {@code #} comments are skipped. */
    public static StackEnv read(Path file) {
        try {
            SortedMap<String, String> values = new TreeMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.isBlank() && !line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
                }
            }
            return new StackEnv(values);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Replaces the file in one move, so a concurrent reader never sees half of it. */
    public void write(Path file) {
        StringBuilder text = new StringBuilder(HEADER);
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "stack.env", ".tmp");
            Files.writeString(temp, text);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** An endpoint a component needs from one started before it. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalStateException(key + " is not known yet; components start in order"));
    }

    public StackEnv with(String key, String value) {
        SortedMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new StackEnv(copy);
    }
}
