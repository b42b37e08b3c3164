package dev.ktx.ingest.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands read from outside their arguments, passed in so that tests control it.
 *
 * @param variables the environment variables
 * @param home the ktx-ingest checkout (where the service jars and {@code .ktx-stack/} live)
 */
public record CliEnvironment(Map<String, String> variables, Clock clock, Path home) {

    /** Set by {@code bin/ktx}; without it the checkout is found from where this class was loaded. */
    public static final String HOME_PROPERTY = "ktx.home";

    public CliEnvironment {
        variables = Map.copyOf(variables);
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), Clock.systemUTC(), locateHome());
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank());
    }

    /** {@code <checkout>/ktx-cli/target/classes} (or the module jar) → {@code <checkout>}. */
    private static Path locateHome() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null) {
            return Path.of(property).toAbsolutePath();
        }
        try {
            Path location = Path.of(CliEnvironment.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return location.getParent().getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the ktx-ingest checkout; set -D" + HOME_PROPERTY, e);
        }
    }
}
