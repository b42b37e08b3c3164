package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.core.api.RunView;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Live progress of a run as plain lines ({@code [3.2s] warehouse: database-schema done}), one per step whose
 * status changed since the last poll. Written to stderr so that stdout stays the table or the JSON.
 */
final class ProgressLog {

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;
    private final Map<String, StepStatus> seen = new HashMap<>();

    ProgressLog(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    void started(String runId) {
        line("run " + runId + " started");
    }

    void update(RunView state) {
        for (TargetResult target : state.results().targets()) {
            for (StepResult step : target.steps()) {
                StepStatus previous =
                        seen.put(target.connectionId() + "/" + step.step().wireName(), step.status());
                if (step.status() != StepStatus.NOT_RUN && step.status() != previous) {
                    line(target.connectionId() + ": " + step.step().wireName() + " "
                            + step.status().wireName() + (step.detail() != null ? ": " + step.detail() : ""));
                }
            }
        }
        if (state.finished()) {
            line("run " + state.runId() + " finished (exit code " + state.outcome() + ")");
        }
    }

    private void line(String text) {
        double seconds = (nanoTime.getAsLong() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "[%.1fs] %s", seconds, text));
        err.flush();
    }
}
