package dev.ktx.ingest.core.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way input files (snapshot files, dbt project files) are read: at most {@link #maxBytes()} per file and UTF-8
 * text only, so a huge or binary file fails its target with a message naming the file instead of exhausting the
 * worker's memory. The cap is {@code KTX_MAX_INPUT_FILE_BYTES} (default 20 MiB; docs/configuration.md).
 */
public final class InputFiles {

    public static final String MAX_BYTES_VARIABLE = "KTX_MAX_INPUT_FILE_BYTES";
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;
    private static final long MAX_BYTES = maxBytesFrom(System.getenv(MAX_BYTES_VARIABLE));

    private InputFiles() {}

    public static long maxBytes() {
        return MAX_BYTES;
    }

    /**
     * The file's bytes, checked to be UTF-8.
     *
     * @param name how errors name the file (its path relative to the snapshot or project)
     * @throws RawFormatException {@code <name>: <size> bytes, above the ... cap} or {@code <name>: not UTF-8 text ...}
     */
    public static byte[] read(Path file, String name) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new RawFormatException(
                    name,
                    size + " bytes, above the input file cap of " + MAX_BYTES + " bytes (" + MAX_BYTES_VARIABLE + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        requireUtf8(name, bytes);
        return bytes;
    }

    /** @throws RawFormatException naming the file and the offset of the first byte that is not UTF-8 */
    public static void requireUtf8(String name, byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer);
        } catch (CharacterCodingException e) {
            throw new RawFormatException(name, "not UTF-8 text (invalid byte at offset " + buffer.position() + ")");
        }
    }

    static long maxBytesFrom(String value) {
        Optional<String> given = Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        if (given.isEmpty()) {
            return DEFAULT_MAX_BYTES;
        }
        try {
            long bytes = Long.parseLong(given.get());
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException(
                MAX_BYTES_VARIABLE + " must be a positive number of bytes (got " + given.get() + ")");
    }
}
