package dev.ktx.ingest.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's configuration reads from environment variables: its {@code application.properties} over the
 * settings every service shares (service-support's {@code META-INF/microprofile-config.properties}).
 */
record ServiceProperties(Properties properties) {

    /** {@code ${name}} or {@code ${name:default}}; group 2 is the colon when there is a default. */
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^:}$]+)(:?)");

    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** Variables whose defaults (localhost endpoints) are wrong in a container. */
    static final Set<String> CONTAINER_OVERRIDES = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KTX_REDIS_URL");

    private static final String HTTP_PORT = "quarkus.http.port";

    private static final String SHARED = "service-support/src/main/resources/META-INF/microprofile-config.properties";

    static ServiceProperties of(String service) {
        Properties properties = new Properties();
        read(RepoFiles.path(SHARED), properties);
        read(RepoFiles.path(service + "/src/main/resources/application.properties"), properties);
        return new ServiceProperties(properties);
    }

    static ServiceProperties load(Path file) {
        Properties properties = new Properties();
        read(file, properties);
        return new ServiceProperties(properties);
    }

    /** Adds the file's properties, replacing those already there. */
    private static void read(Path file, Properties properties) {
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variables a container must set: every upper-case variable read without a default, the
     * {@link #CONTAINER_OVERRIDES} that are read, and the HTTP port's variable (health checks and scraping use it).
     */
    Set<String> variablesToSet() {
        Set<String> variables = new TreeSet<>();
        for (String value : properties.stringPropertyNames().stream()
                .map(properties::getProperty)
                .toList()) {
            Matcher expression = EXPRESSION.matcher(value);
            while (expression.find()) {
                String name = expression.group(1);
                boolean required = expression.group(2).isEmpty();
                if (ENVIRONMENT_NAME.matcher(name).matches() && (required || CONTAINER_OVERRIDES.contains(name))) {
                    variables.add(name);
                }
            }
        }
        variables.add(httpPortVariable());
        return variables;
    }

    /** The variable of {@code quarkus.http.port=${VARIABLE:default}}. */
    String httpPortVariable() {
        String value = properties.getProperty(HTTP_PORT, "");
        Matcher expression = EXPRESSION.matcher(value);
        if (!expression.find() || !ENVIRONMENT_NAME.matcher(expression.group(1)).matches()) {
            throw new AssertionError(HTTP_PORT + " is not set from an environment variable: '" + value + "'");
        }
        return expression.group(1);
    }
}
