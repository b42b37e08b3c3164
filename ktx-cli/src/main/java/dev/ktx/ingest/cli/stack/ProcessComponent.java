package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component run as a detached process, unless one is given from outside. Its address is one {@code stack.env}
 * entry ({@link #endpointKey}), which is how a later {@code up} or {@code status} finds a running one.
 */
abstract class ProcessComponent implements StackComponent {

    /** What to run, and the address it will serve at. */
    record Launch(List<String> command, Map<String, String> environment, String endpoint) {}

    protected final CliEnvironment environment;
    protected final StackLayout layout;
    private final ManagedProcess process;
    private final String endpointKey;

    ProcessComponent(String name, String endpointKey, CliEnvironment environment, StackLayout layout) {
        this.environment = environment;
        this.layout = layout;
        this.process = new ManagedProcess(name, layout);
        this.endpointKey = endpointKey;
    }

    @Override
    public String name() {
        return process.name();
    }

    /** How to start it; called only when it is neither external nor running. */
    abstract Launch launch(StackEnv endpoints);

    abstract boolean isReady(String endpoint) throws Exception;

    /**
     * The process's environment: the CLI's own (so secrets such as {@code KTX_GIT_TOKEN} reach the services without
     * being written to {@code stack.env}), overridden by what {@link #launch} sets.
     */
    Map<String, String> variables(Launch launch) {
        Map<String, String> variables = new HashMap<>(environment.variables());
        variables.putAll(launch.environment());
        return variables;
    }

    /** An address the user gave, to use instead of starting a process. */
    Optional<String> external() {
        return Optional.empty();
    }

    /** What to do once it is ready, whether started now or not (e.g. make sure the topics exist). */
    void afterReady(String endpoint, PrintWriter out) {}

    @Override
    public StackEnv up(StackEnv endpoints, Duration timeout, PrintWriter out) {
        Optional<String> external = external();
        Optional<ProcessHandle> running = process.running();
        String endpoint;
        if (external.isPresent()) {
            endpoint = external.get();
            out.println(name() + ": using " + redacted(endpoint) + " (given by " + endpointKey + ")");
        } else if (running.isPresent()) {
            endpoint = endpoints
                    .get(endpointKey)
                    .orElseThrow(() -> new CliException(name() + " runs (pid "
                            + running.get().pid() + ") but " + layout.envFile() + " has no " + endpointKey
                            + "; restart the stack: ktx stack down && ktx stack up"));
            out.println(name() + ": already running, pid " + running.get().pid() + ", " + endpoint);
        } else {
            Launch launch = launch(endpoints);
            ProcessHandle started = process.start(launch.command(), variables(launch));
            process.awaitReady(started, () -> isReady(launch.endpoint()), timeout);
            endpoint = launch.endpoint();
            out.println(name() + ": started, pid " + started.pid() + ", " + endpoint + " (log " + process.log() + ")");
        }
        out.flush();
        afterReady(endpoint, out);
        return endpoints.with(endpointKey, endpoint);
    }

    @Override
    public ComponentStatus status(StackEnv endpoints) {
        Optional<String> external = external();
        Optional<ProcessHandle> running = process.running();
        Optional<String> endpoint = external.or(() -> running.flatMap(p -> endpoints.get(endpointKey)));
        String state = external.isPresent()
                ? "external"
                : running.map(p -> "pid " + p.pid()).orElse("not running");
        boolean ready = endpoint.isPresent() && ManagedProcess.answers(() -> isReady(endpoint.get()));
        return new ComponentStatus(
                name(), state, ready, endpoint.map(ProcessComponent::redacted).orElse("-"));
    }

    /** An address given from outside may carry credentials ({@code redis://:password@host}); they are not shown. */
    static String redacted(String endpoint) {
        return endpoint.replaceFirst("(?<=//)[^/@]*@", "***@");
    }

    @Override
    public Optional<Long> down() {
        return process.stop();
    }
}
