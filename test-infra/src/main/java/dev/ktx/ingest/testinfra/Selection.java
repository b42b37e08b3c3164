package dev.ktx.ingest.testinfra;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The order in which a service is obtained: an endpoint from an environment variable, else the first attempt that
 * starts (Docker, then local binaries).
 */
final class Selection {

    /** One way of starting a service. */
    interface Attempt<E> {
        Started<E> start(Environment environment) throws Exception;
    }

    record Option<E>(String name, Attempt<E> attempt) {}

    private Selection() {}

    /**
     * @throws IllegalArgumentException if the variable is set but cannot be parsed: an explicit endpoint that is
     *         wrong must not be replaced silently by a private server
     * @throws InfraUnavailableException if no option started
     */
    static <E> Started<E> select(
            String service,
            Environment environment,
            String urlVariable,
            Function<String, E> parseUrl,
            List<Option<E>> options) {
        return select(service, environment, List.of(urlVariable), parseUrl, options);
    }

    /** @param urlVariables consulted in this order; the first one set wins */
    static <E> Started<E> select(
            String service,
            Environment environment,
            List<String> urlVariables,
            Function<String, E> parseUrl,
            List<Option<E>> options) {
        for (String urlVariable : urlVariables) {
            var given = environment.variable(urlVariable);
            if (given.isPresent()) {
                return Started.external(parseUrl.apply(given.get()), "given by " + urlVariable);
            }
        }
        List<String> failures = new ArrayList<>(List.of(String.join(", ", urlVariables) + ": not set"));
        List<Exception> causes = new ArrayList<>();
        for (Option<E> option : options) {
            try {
                return option.attempt().start(environment);
            } catch (Exception e) {
                failures.add(option.name() + ": " + describe(e));
                causes.add(e);
            }
        }
        var unavailable = new InfraUnavailableException(
                "No " + service + " available. Tried:\n  - " + String.join("\n  - ", failures));
        causes.forEach(unavailable::addSuppressed);
        throw unavailable;
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    }
}
