package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile dbt project files (docs/hostile-input.md): each fails with a message naming the file. */
class DbtHostileInputTest {

    @TempDir
    Path project;

    static Stream<Arguments> hostileYaml() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x]\n");
        for (int level = 1; level <= 10; level++) {
            bomb.append("a")
                    .append(level)
                    .append(": &a")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", Collections.nCopies(9, "*a" + (level - 1))))
                    .append("]\n");
        }
        return Stream.of(
                Arguments.of(
                        "alias bomb",
                        bomb.toString(),
                        "models/schema.yml: malformed YAML: Number of aliases for non-scalar nodes exceeds the specified max=50"),
                Arguments.of(
                        "deep nesting",
                        "models: " + "[".repeat(500) + "]".repeat(500),
                        "models/schema.yml: malformed YAML: Nesting Depth exceeded max 64"),
                Arguments.of(
                        "duplicate key",
                        "version: 2\nversion: 2\n",
                        "models/schema.yml: malformed YAML at line 2, column 1: found duplicate key version"),
                Arguments.of(
                        "a Java type tag",
                        "models: !!javax.script.ScriptEngineManager [x]\n",
                        "models/schema.yml: malformed YAML at line 1, column 9: Global tag is not allowed: tag:yaml.org,2002:javax.script.ScriptEngineManager"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileYaml")
    void yamlIsRefusedNamingTheFile(String label, String yaml, String message) {
        assertThatThrownBy(() -> YamlNode.load("models/schema.yml", yaml))
                .isInstanceOf(DbtProjectException.class)
                .message()
                .startsWith(message);
    }

    @Test
    void aModelFileThatIsNotUtf8IsRefusedNamingIt() throws Exception {
        Files.writeString(project.resolve("dbt_project.yml"), "name: acme\n");
        Files.createDirectories(project.resolve("models"));
        Files.write(
                project.resolve("models/orders.yml"),
                "description: Bestellübersicht\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> DbtProjectFiles.read(project))
                .hasMessage("models/orders.yml: not UTF-8 text (invalid byte at offset 20)");
    }
}
