package dev.ktx.ingest.e2e;

import dev.ktx.ingest.core.trace.TraceEvent;
import dev.ktx.ingest.core.trace.TraceEvents;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Strikes (kills, freezes) the finalizer that holds a final window of the drill's run as soon as its
 * {@code final_window_entered} event arrives, and makes sure the strike came before the window's compare-and-swap
 * (its squash is not on {@code main} yet). A window is a few hundred milliseconds and the finalizer has no pause
 * to widen it (docs/reliability.md), so a strike that came too late is undone and tried again at the next window.
 */
final class FinalWindowStrike {

    /** The struck finalizer and the target whose window it held. */
    record Struck(StackProcess finalizer, String target) {}

    private FinalWindowStrike() {}

    static Struck inWindow(
            Drill drill,
            FaultStack stack,
            Predicate<String> targets,
            Consumer<StackProcess> strike,
            Consumer<StackProcess> undo) {
        Set<String> tooLate = new LinkedHashSet<>();
        int mark = 0;
        while (true) {
            TraceEvent event = drill.awaitAfter(
                    mark,
                    "final_window_entered or run_finished",
                    e -> e.event().equals(TraceEvents.RUN_FINISHED)
                            || e.event().equals(TraceEvents.FINAL_WINDOW_ENTERED)
                                    && targets.test(e.connectionId())
                                    && !tooLate.contains(e.connectionId()));
            if (event.event().equals(TraceEvents.RUN_FINISHED)) {
                throw new AssertionError(
                        "no strike landed inside a final window before its squash (too late for " + tooLate
                                + "); the finalizer needs a pause before the CAS for this drill (docs/reliability.md)");
            }
            StackProcess holder = stack.byHolder(String.valueOf(event.data().get("holder")));
            strike.accept(holder);
            if (drill.repo().squashCommits(drill.runId(), event.connectionId()) == 0) {
                return new Struck(holder, event.connectionId());
            }
            tooLate.add(event.connectionId());
            undo.accept(holder);
            mark = drill.traces().mark();
        }
    }
}
