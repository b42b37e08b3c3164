package dev.ktx.ingest.cli.stack;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.DurationConverter;
import dev.ktx.ingest.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ktx stack up}: starts what is not running yet; a running stack is reported and left alone. */
@Command(name = "up", description = "Starts Kafka, Redis and the services (what already runs is kept).")
public final class StackUpCommand implements Callable<Integer> {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "3m",
            converter = DurationConverter.class,
            description = "How long each component may take to become ready (default: ${DEFAULT-VALUE}).")
    private Duration timeout;

    @Option(
            names = "--repos-root",
            paramLabel = "DIR",
            description =
                    "The directory every project must live in (default: $KTX_REPOS_ROOT, else the current directory).")
    private Path reposRoot;

    @Option(
            names = "--repos-remotes",
            paramLabel = "PREFIXES",
            description = "Comma-separated URL prefixes projects on a git remote may have, e.g. "
                    + "https://git.example.com/ctx/ (default: $KTX_REPOS_REMOTES, else none). "
                    + "The services read the git token from $KTX_GIT_TOKEN.")
    private String reposRemotes;

    public StackUpCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Stack stack = new Stack(environment);
        stack.requireBuilt();
        PrintWriter out = spec.commandLine().getOut();
        StackEnv endpoints = withReposRemotes(
                withReposRoot(withApiToken(StackEnv.read(stack.layout().envFile()))));
        for (StackComponent component : stack.components()) {
            endpoints = component.up(endpoints, timeout, out);
            // written after each component, so that what did start can be found (and stopped) if a later one fails
            endpoints.write(stack.layout().envFile());
        }
        out.println("stack up: planner at " + endpoints.require(StackEnv.PLANNER_URL) + " (endpoints in "
                + stack.layout().envFile() + ")");
        return ExitCodes.OK;
    }

    /** The planner refuses projects outside its root: the option, else $KTX_REPOS_ROOT, else the current directory. */
    private StackEnv withReposRoot(StackEnv endpoints) {
        Path root = reposRoot != null
                ? reposRoot
                : Path.of(environment.variable(StackEnv.REPOS_ROOT).orElse(System.getProperty("user.dir")));
        return endpoints.with(
                StackEnv.REPOS_ROOT, root.toAbsolutePath().normalize().toString());
    }

    /** The services accept projects under these remotes: the option, else $KTX_REPOS_REMOTES; none by default. */
    private StackEnv withReposRemotes(StackEnv endpoints) {
        return Optional.ofNullable(reposRemotes)
                .or(() -> environment.variable(StackEnv.REPOS_REMOTES))
                .map(remotes -> endpoints.with(StackEnv.REPOS_REMOTES, remotes))
                .orElse(endpoints);
    }

    /** The planner requires a token: the stack's own (kept across restarts), else $KTX_API_TOKEN, else a new one. */
    private StackEnv withApiToken(StackEnv endpoints) {
        if (endpoints.get(StackEnv.API_TOKEN).isPresent()) {
            return endpoints;
        }
        return endpoints.with(
                StackEnv.API_TOKEN, environment.variable(StackEnv.API_TOKEN).orElseGet(() -> {
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                }));
    }
}
