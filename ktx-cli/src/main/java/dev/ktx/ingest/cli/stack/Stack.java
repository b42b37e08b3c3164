package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** The local stack's components in start order: Kafka and Redis, then the four services. */
final class Stack {

    static final List<QuarkusService.Definition> SERVICES = List.of(
            new QuarkusService.Definition("planner-service", "KTX_PLANNER_PORT", 8080, StackEnv.PLANNER_URL),
            new QuarkusService.Definition(
                    "database-ingest-service", "KTX_DATABASE_INGEST_PORT", 8081, "KTX_DATABASE_INGEST_URL"),
            new QuarkusService.Definition(
                    "source-ingest-service", "KTX_SOURCE_INGEST_PORT", 8082, "KTX_SOURCE_INGEST_URL"),
            new QuarkusService.Definition("finalizer-service", "KTX_FINALIZER_PORT", 8083, "KTX_FINALIZER_URL"));

    private final StackLayout layout;
    private final List<QuarkusService> services;
    private final List<StackComponent> components;

    Stack(CliEnvironment environment) {
        this.layout = StackLayout.of(environment);
        this.services = SERVICES.stream()
                .map(d -> new QuarkusService(d, environment, layout))
                .toList();
        this.components = Stream.<StackComponent>concat(
                        Stream.of(new KafkaBroker(environment, layout), new RedisServer(environment, layout)),
                        services.stream())
                .toList();
    }

    StackLayout layout() {
        return layout;
    }

    List<StackComponent> components() {
        return components;
    }

    List<StackComponent> componentsInStopOrder() {
        List<StackComponent> reversed = new ArrayList<>(components);
        Collections.reverse(reversed);
        return reversed;
    }

    /** Checked before anything starts, so a missing build does not leave half a stack running. */
    void requireBuilt() {
        List<String> missing = services.stream()
                .filter(s -> !s.isBuilt())
                .map(s -> "missing " + s.jar())
                .toList();
        if (!missing.isEmpty()) {
            List<String> lines = new ArrayList<>(missing);
            lines.add("build the services first: " + QuarkusService.BUILD_HINT);
            throw new CliException(lines);
        }
    }
}
