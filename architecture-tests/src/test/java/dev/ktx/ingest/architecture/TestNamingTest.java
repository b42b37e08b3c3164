package dev.ktx.ingest.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The naming rule of docs/contributing.md ("Test layers"): a {@code *Test} (Surefire, {@code -DskipITs}) needs nothing
 * outside the JVM; a test on a real broker, Redis or PostgreSQL is a {@code *IT} (Failsafe). Checked on the sources of
 * every module's tests but this one's, which only read the code.
 */
class TestNamingTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /**
     * What only a test on real infrastructure names: a Quarkus application (every one here runs on test-infra's broker
     * and Redis), test-infra's servers and launchers, connectors/postgres' {@code Warehouse} (a real PostgreSQL).
     */
    private static final Pattern INFRASTRUCTURE = Pattern.compile("@QuarkusTest\\b|\\b(KafkaTestResource"
            + "|RedisTestResource|RedisService|PostgresService|KafkaService|LocalPostgres|LocalRedis|LocalKafkaProcess"
            + "|Warehouse)\\b");

    @Test
    void noUnitTestUsesRealInfrastructure() {
        assertEquals(
                List.of(),
                unitTestsOnInfrastructure(ROOT),
                "these use real infrastructure: rename them *IT (docs/contributing.md, \"Test layers\")");
    }

    @Test
    void aUnitTestOnTheBrokerIsNamedAndItsITIsNot(@TempDir Path root) throws IOException {
        Path tests = Files.createDirectories(root.resolve("connectors/some/src/test/java/x"));
        Files.writeString(tests.resolve("OnBrokerTest.java"), "class OnBrokerTest { KafkaService kafka; }");
        Files.writeString(tests.resolve("OnBrokerIT.java"), "class OnBrokerIT { KafkaService kafka; }");
        Files.writeString(tests.resolve("KafkaServiceNameTest.java"), "class KafkaServiceNameTest {}");
        Files.writeString(tests.resolve("InMemoryTest.java"), "class InMemoryTest { String warehouses; }");

        assertEquals(List.of("connectors/some/src/test/java/x/OnBrokerTest.java"), unitTestsOnInfrastructure(root));
    }

    /** The {@code *Test.java} under {@code <module>/src/test/java} and {@code connectors/<module>/src/test/java}. */
    private static List<String> unitTestsOnInfrastructure(Path root) {
        try (Stream<Path> modules = Stream.concat(walk(root, 1), walk(root.resolve("connectors"), 1))) {
            return modules.filter(module -> !module.endsWith("architecture-tests"))
                    .flatMap(module -> walk(module.resolve("src/test/java"), Integer.MAX_VALUE))
                    .filter(file -> file.getFileName().toString().endsWith("Test.java"))
                    .filter(file -> INFRASTRUCTURE.matcher(read(file)).find())
                    .map(file -> root.relativize(file).toString())
                    .sorted()
                    .toList();
        }
    }

    private static Stream<Path> walk(Path directory, int depth) {
        if (!Files.isDirectory(directory)) {
            return Stream.empty();
        }
        try {
            return Files.walk(directory, depth);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
