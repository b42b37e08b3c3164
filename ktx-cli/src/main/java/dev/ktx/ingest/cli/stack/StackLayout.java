package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import java.nio.file.Path;

/**
 * The state directory of the local stack: {@code $KTX_STACK_DIR}, else {@code <checkout>/.ktx-stack}. Holds
 * {@code stack.env} (the endpoints), {@code pids/<name>.pid}, {@code logs/<name>.log} and {@code kafka-data/}.
 */
public record StackLayout(Path dir) {

    public static final String DIR_VARIABLE = "KTX_STACK_DIR";

    public static StackLayout of(CliEnvironment environment) {
        return new StackLayout(environment
                .variable(DIR_VARIABLE)
                .map(Path::of)
                .orElse(environment.home().resolve(".ktx-stack"))
                .toAbsolutePath());
    }

    public Path envFile() {
        return dir.resolve("stack.env");
    }

    public Path pidFile(String component) {
        return dir.resolve("pids").resolve(component + ".pid");
    }

    public Path log(String component) {
        return dir.resolve("logs").resolve(component + ".log");
    }

    /** A service's own mirrors of projects on a git remote: services of the stack share no cache. */
    public Path reposCache(String component) {
        return dir.resolve("repos-cache").resolve(component);
    }

    public Path kafkaData() {
        return dir.resolve("kafka-data");
    }
}
