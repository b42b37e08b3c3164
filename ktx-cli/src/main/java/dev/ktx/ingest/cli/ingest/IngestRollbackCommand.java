package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.DurationConverter;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ProjectLocation;
import dev.ktx.ingest.cli.ProjectOptions;
import dev.ktx.ingest.core.api.RollbackRequestBody;
import dev.ktx.ingest.core.api.RollbackView;
import dev.ktx.ingest.core.config.Durations;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ktx ingest rollback <runId>}: asks the planner to roll a run back (the finalizer adds one revert commit under
 * the project lock) and waits for the outcome (docs/cli.md).
 */
@Command(
        name = "rollback",
        description = {
            "Rolls a run back: one commit on main restores every path its squash commits "
                    + "touched to its content before the run.",
            "Refused when a later commit changed one of those paths (unless --force), when the run has no squash on main,",
            "when it was rolled back already, or when the result fails the final gates.",
            "Exit code: 0 rolled back, 1 refused or failed (or --timeout passed), 2 on a usage error."
        })
public final class IngestRollbackCommand implements Callable<Integer> {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "<runId>", description = "The run to roll back.")
    private String runId;

    @Option(names = "--force", description = "Restore the pre-run content even over later changes to the run's paths.")
    private boolean force;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private ProjectIdOption projectId;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Give up waiting after this long and exit with 1; the rollback goes on (default: wait for its outcome).")
    private Duration timeout;

    @Mixin
    private PlannerOptions planner;

    public IngestRollbackCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PlannerClient client = planner.client(environment);
        String path = "api/ingests/" + URLEncoder.encode(runId, StandardCharsets.UTF_8) + "/rollback";
        ProjectLocation location = project.location();
        RollbackView requested = client.postAccepted(
                path,
                new RollbackRequestBody(
                        projectId.value(), location.projectDir(), location.repoUrl(), location.branch(), force),
                RollbackView.class);
        PrintWriter err = spec.commandLine().getErr();
        err.println("rollback " + requested.rollbackId() + " of run " + runId + " requested");
        RollbackView outcome = awaitOutcome(client, path + "/" + requested.rollbackId(), requested);
        if (outcome == null) {
            err.println("rollback of run " + runId + " has no outcome within " + Durations.format(timeout)
                    + "; it goes on in the finalizer");
            return ExitCodes.STEP_FAILED;
        }
        if (RollbackView.DONE.equals(outcome.status())) {
            spec.commandLine().getOut().println(outcome.message());
            return ExitCodes.OK;
        }
        err.println(outcome.message());
        return ExitCodes.STEP_FAILED;
    }

    /** The request once it is no longer pending; null when the timeout passed. Polls through planner outages. */
    private RollbackView awaitOutcome(PlannerClient client, String path, RollbackView current) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (RollbackView.PENDING.equals(current.status())) {
            if (System.nanoTime() - deadline > 0) {
                return null;
            }
            sleep();
            try {
                current = client.get(path, RollbackView.class);
            } catch (PlannerClient.Unavailable e) {
                // the planner restarts or Redis blips: the outcome is kept, ask again
            }
        }
        return current;
    }

    private void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted; the rollback of run " + runId + " goes on in the finalizer", e);
        }
    }
}
