package dev.ktx.ingest.cli.ingest;

import dev.ktx.ingest.core.plan.PlanRenderer;
import dev.ktx.ingest.core.plan.RunReport;
import java.io.PrintWriter;

/** stdout of a run: the results table (docs/cli.md), or with {@code --json} exactly {@code {runId, plan, results}}. */
final class ReportPrinter {

    private ReportPrinter() {}

    static void print(PrintWriter out, RunReport report, boolean json) {
        if (json) {
            out.println(report.toJson());
        } else {
            out.print(PlanRenderer.resultsTable(report.results()));
        }
        out.flush();
    }
}
