package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.CliException;
import dev.ktx.ingest.cli.DurationConverter;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ProjectLocation;
import dev.ktx.ingest.cli.ProjectOptions;
import dev.ktx.ingest.core.api.IngestRequestBody;
import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.config.Durations;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.plan.Plan;
import dev.ktx.ingest.core.plan.PlanRenderer;
import dev.ktx.ingest.core.plan.PlanRequest;
import dev.ktx.ingest.core.plan.Planner;
import dev.ktx.ingest.core.plan.RunReport;
import dev.ktx.ingest.core.plan.RunResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ktx ingest [<connectionId>] [--all]}: starts a run on the planner and waits for its results. */
@Command(
        name = "ingest",
        sortOptions = false,
        description = {
            "Ingests one connection or all of them through the planner and prints the results.",
            "Exit code: 0 when no step failed, 1 when one did, when --timeout passed or when the planner lost the run,",
            "2 on a usage or configuration error."
        },
        subcommands = {
            IngestStatusCommand.class,
            IngestTraceCommand.class,
            IngestListCommand.class,
            IngestRollbackCommand.class
        })
public final class IngestCommand implements Callable<Integer> {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<connectionId>", description = "The connection to ingest.")
    private String connectionId;

    @Option(names = "--all", description = "Ingest every connection of ktx.yaml.")
    private boolean all;

    @Mixin
    private ProjectOptions project;

    @Mixin
    private ProjectIdOption projectId;

    @Option(names = "--json", description = "Print {runId, plan, results} as JSON instead of the table.")
    private boolean json;

    @Option(
            names = "--dry-run",
            description = "Only plan, from <project-dir>/ktx.yaml; no services needed (not with --repo-url).")
    private boolean dryRun;

    @Mixin
    private PlannerOptions planner;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Give up waiting after this long, e.g. 30m, and exit with 1; the run goes on (default: wait until it finishes).")
    private Duration timeout;

    public IngestCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PlanRequest request = PlanRequest.of(connectionId, all);
        return dryRun ? dryRun(request) : run();
    }

    /** From the project directory only: a remote project's ktx.yaml would need a fetch with git credentials. */
    private int dryRun(PlanRequest request) {
        Path dir = project.directory()
                .orElseThrow(() -> new CliException(
                        "--dry-run reads ktx.yaml from --project-dir; it does not work with --repo-url"));
        Plan plan = Planner.plan(new KtxConfigLoader().load(dir), request);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new RunReport(null, plan, RunResults.inPlanOrder(plan, List.of())).toJson());
        } else {
            out.print(PlanRenderer.dryRunTable(plan));
        }
        return ExitCodes.OK;
    }

    private int run() {
        PlannerClient client = planner.client(environment);
        ProjectLocation location = project.location();
        String runId = client.start(new IngestRequestBody(
                projectId.value(),
                location.projectDir(),
                location.repoUrl(),
                location.branch(),
                connectionId,
                all ? Boolean.TRUE : null));
        ProgressLog progress = new ProgressLog(spec.commandLine().getErr(), System::nanoTime);
        progress.started(runId);
        Optional<RunView> finished = awaitFinished(client, runId, location, progress);
        finished.ifPresent(state -> ReportPrinter.print(spec.commandLine().getOut(), state.report(), json));
        return finished.map(RunView::outcome).orElse(ExitCodes.STEP_FAILED);
    }

    /**
     * The finished run; empty, after saying why on stderr, when the wait timed out or the planner lost the run (it
     * answered 404 for a run it had accepted and could not restore from the project): the run has no outcome to
     * report. While the planner is unreachable or failing (a restart, a Redis outage) the wait goes on; it says so
     * once, and again when the planner is back.
     */
    private Optional<RunView> awaitFinished(
            PlannerClient client, String runId, ProjectLocation location, ProgressLog progress) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        PrintWriter err = spec.commandLine().getErr();
        boolean unavailable = false;
        while (true) {
            try {
                Optional<RunView> state = client.find(runId, location, projectId.value());
                if (unavailable) {
                    err.println("the planner answers again; still waiting for run " + runId);
                    unavailable = false;
                }
                if (state.isEmpty()) {
                    err.println("run " + runId + ": run state lost");
                    return Optional.empty();
                }
                progress.update(state.get());
                if (state.get().finished()) {
                    return state;
                }
            } catch (PlannerClient.Unavailable e) {
                if (!unavailable) {
                    err.println(String.join("\n", e.lines()) + "; still waiting for run " + runId);
                    unavailable = true;
                }
            }
            if (System.nanoTime() - deadline > 0) {
                err.println("run " + runId + " has not finished within " + Durations.format(timeout)
                        + "; it goes on: ktx ingest status " + runId);
                return Optional.empty();
            }
            sleep(runId);
        }
    }

    private static void sleep(String runId) {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted; the run goes on: ktx ingest status " + runId, e);
        }
    }
}
