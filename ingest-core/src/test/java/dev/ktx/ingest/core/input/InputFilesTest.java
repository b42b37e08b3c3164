package dev.ktx.ingest.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @Test
    void aFileAboveTheCapIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("cards.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(InputFiles.DEFAULT_MAX_BYTES + 1); // sparse: nothing is written
        }
        assertThatThrownBy(() -> InputFiles.read(big, "cards/1.json"))
                .isInstanceOf(RawFormatException.class)
                .hasMessage(
                        "cards/1.json: " + (InputFiles.DEFAULT_MAX_BYTES + 1) + " bytes, above the input file cap of "
                                + InputFiles.DEFAULT_MAX_BYTES + " bytes (KTX_MAX_INPUT_FILE_BYTES)");
    }

    @Test
    void textThatIsNotUtf8IsRefusedNamingTheOffset(@TempDir Path dir) throws Exception {
        Path latin1 =
                Files.write(dir.resolve("page.json"), "{\"title\":\"Café\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> InputFiles.read(latin1, "pages/p1/page.json"))
                .hasMessage("pages/p1/page.json: not UTF-8 text (invalid byte at offset 13)");
    }

    @Test
    void utf8TextWithinTheCapIsReadAsIs(@TempDir Path dir) throws Exception {
        byte[] text = "{\"title\":\"Café\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(InputFiles.read(Files.write(dir.resolve("page.json"), text), "page.json"))
                .isEqualTo(text);
    }

    @Test
    void theCapIsAPositiveNumberOfBytes() {
        assertThat(InputFiles.maxBytesFrom(null)).isEqualTo(InputFiles.DEFAULT_MAX_BYTES);
        assertThat(InputFiles.maxBytesFrom("1048576")).isEqualTo(1048576);
        assertThatThrownBy(() -> InputFiles.maxBytesFrom("20MiB"))
                .hasMessage("KTX_MAX_INPUT_FILE_BYTES must be a positive number of bytes (got 20MiB)");
    }
}
