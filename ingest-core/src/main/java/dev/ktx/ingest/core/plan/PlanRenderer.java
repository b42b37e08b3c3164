package dev.ktx.ingest.core.plan;

import dev.ktx.ingest.core.text.TextTable;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** The plain-text output of {@code ktx ingest} (docs/cli.md): one row per target in plan order, one column per step. */
public final class PlanRenderer {

    private static final String NO_SUCH_STEP = "-";
    private static final List<String> HEADER = Stream.concat(
                    Stream.of("Source"), Arrays.stream(Step.values()).map(Step::title))
            .toList();

    private PlanRenderer() {}

    /** The results table, then {@code Failed sources:} and one {@code <id> failed: <detail>} line per failed target. */
    public static String resultsTable(RunResults results) {
        StringBuilder out = new StringBuilder(table(results.targets().stream()
                .map(t -> row(
                        t.connectionId(),
                        step -> t.step(step).map(r -> r.status().wireName())))
                .toList()));
        List<TargetResult> failed =
                results.targets().stream().filter(t -> t.failure().isPresent()).toList();
        if (!failed.isEmpty()) {
            out.append("Failed sources:\n");
            failed.forEach(t -> out.append(t.connectionId())
                    .append(" failed: ")
                    .append(failureDetail(t))
                    .append('\n'));
        }
        return out.toString();
    }

    /** The {@code --dry-run} table: {@code planned}, {@code skipped} (a disabled step) or {@code -}. */
    public static String dryRunTable(Plan plan) {
        return table(plan.targets().stream()
                .map(t -> row(t.connectionId(), step -> t.step(step).map(s -> s.enabled() ? "planned" : "skipped")))
                .toList());
    }

    private static String failureDetail(TargetResult target) {
        StepResult failure = target.failure().orElseThrow();
        return failure.detail() != null ? failure.detail() : failure.step().wireName() + " failed";
    }

    private static List<String> row(String connectionId, Function<Step, Optional<String>> cell) {
        return Stream.concat(
                        Stream.of(connectionId),
                        Arrays.stream(Step.values())
                                .map(step -> cell.apply(step).orElse(NO_SUCH_STEP)))
                .toList();
    }

    private static String table(List<List<String>> rows) {
        return TextTable.render(HEADER, rows);
    }
}
