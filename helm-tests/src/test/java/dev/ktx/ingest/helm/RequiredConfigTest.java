package dev.ktx.ingest.helm;

import static dev.ktx.ingest.helm.HelmChart.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every variable a service needs is set in its container: those its application.properties and the settings every
 * service shares (service-support's META-INF/microprofile-config.properties) read without a default, its HTTP port
 * (the chart's probes and Service use the port it sets), Kafka and Redis.
 */
class RequiredConfigTest {

    /** {@code ${NAME}} or {@code ${NAME:default}} with an environment-variable-style name. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private static final Set<String> ALWAYS_REQUIRED = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KTX_REDIS_URL");
    private static final Path SHARED =
            Path.of("..", "service-support", "src", "main", "resources", "META-INF", "microprofile-config.properties");

    @Test
    void everyServiceGetsEveryVariableItRequires() throws IOException {
        for (String valuesFile : new String[] {"defaults.yaml", "keda.yaml", "git-remote.yaml", "secrets.yaml"}) {
            Manifests manifests = HelmChart.render(valuesFile);
            for (String service : SERVICES) {
                Set<String> required = requiredVariables(Files.readString(SHARED) + "\n"
                        + Files.readString(
                                Path.of("..", service, "src", "main", "resources", "application.properties")));

                assertThat(required)
                        .as(service)
                        .contains("KAFKA_BOOTSTRAP_SERVERS")
                        .anyMatch(v -> v.endsWith("_PORT"));
                assertThat(manifests.environmentNames(service))
                        .as(service + " with " + valuesFile)
                        .containsAll(required);
            }
        }
    }

    @Test
    void aVariableWithoutDefaultIsRequired() throws IOException {
        assertThat(requiredVariables("""
                quarkus.http.port=${KTX_X_PORT:8080}
                a=${KTX_NEW_SETTING}
                b=${ktx.topic-prefix}jobs
                c=${KTX_JSON_LOGS:false}
                """))
                .containsExactlyInAnyOrder("KTX_X_PORT", "KTX_NEW_SETTING", "KAFKA_BOOTSTRAP_SERVERS", "KTX_REDIS_URL");
    }

    /** The variables of {@code properties} without a default, its port variable, and Kafka and Redis. */
    static Set<String> requiredVariables(String properties) throws IOException {
        Properties parsed = new Properties();
        parsed.load(new StringReader(properties));
        Set<String> required = new TreeSet<>(ALWAYS_REQUIRED);
        for (String key : parsed.stringPropertyNames()) {
            Matcher variable = VARIABLE.matcher(parsed.getProperty(key));
            while (variable.find()) {
                if (variable.group(2) == null || key.equals("quarkus.http.port")) {
                    required.add(variable.group(1));
                }
            }
        }
        return required;
    }
}
