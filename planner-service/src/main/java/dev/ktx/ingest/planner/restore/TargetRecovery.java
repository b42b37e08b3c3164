package dev.ktx.ingest.planner.restore;

import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.plan.PlanTarget;
import dev.ktx.ingest.core.plan.PlannedStep;
import dev.ktx.ingest.core.plan.StepResult;
import dev.ktx.ingest.core.plan.StepStatus;
import dev.ktx.ingest.core.plan.TargetResult;
import dev.ktx.ingest.core.plan.TargetResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the topics and the repository say about one target of a run whose state the planner lost, and what to do
 * about it. They are read in the order a target moves through them: its result on {@code ingest.results}, a squash
 * on {@code main} with the run's trailers, a sentinel (the target failed), a hand-off (the session waits for the
 * finalizer, maybe parked), a session ref or a published job (a job works on it, or will), nothing (a source whose
 * job was never released).
 */
public sealed interface TargetRecovery {

    /** How the {@code run_restored} trace event names this case. */
    String label();

    /** The target's result is known; it is stored as the target's result. */
    record Known(TargetResult result) implements TargetRecovery {
        public String label() {
            return result.failure().isPresent() ? "failed" : "landed";
        }
    }

    /** The session waits for the finalizer: its recorded finalize request is sent again. */
    record FinalizeAgain(String finalizeRequest) implements TargetRecovery {
        public String label() {
            return "finalizeAgain";
        }
    }

    /** A job works on the target or is queued: its result will come (its heartbeats keep the silence limit away). */
    record InFlight() implements TargetRecovery {
        public String label() {
            return "inFlight";
        }
    }

    /** A source whose job was never released: the stage coordinator releases it within the run's cap. */
    record NotReleased() implements TargetRecovery {
        public String label() {
            return "notReleased";
        }
    }

    /**
     * @param published    the first result of the target on {@code ingest.results}, if any
     * @param jobPublished the target's job is on its topic (always true for a database target, whose job is
     *                     published when the run starts)
     */
    static TargetRecovery of(
            PlanTarget target,
            Optional<TargetResult> published,
            Optional<String> landedSquash,
            Optional<Sentinel> sentinel,
            Optional<String> handoff,
            boolean hasSession,
            boolean jobPublished) {
        if (published.isPresent()) {
            return new Known(published.get());
        }
        if (landedSquash.isPresent()) {
            return new Known(landed(target, landedSquash.get()));
        }
        if (sentinel.isPresent()) {
            Sentinel failure = sentinel.get();
            return new Known(TargetResults.failed(
                    target,
                    failure.error() != null
                            ? failure.error()
                            : "restored: failed (" + failure.outcome() + " sentinel)"));
        }
        if (handoff.isPresent()) {
            return new FinalizeAgain(handoff.get());
        }
        return hasSession || jobPublished ? new InFlight() : new NotReleased();
    }

    /** Enabled steps done (the first one says where the squash is), disabled ones skipped as a worker reports them. */
    private static TargetResult landed(PlanTarget target, String squash) {
        String detail = "restored: landed on main as " + squash.substring(0, Math.min(7, squash.length()));
        List<StepResult> steps = new ArrayList<>();
        for (PlannedStep planned : target.steps()) {
            steps.add(
                    !planned.enabled()
                            ? new StepResult(planned.step(), StepStatus.SKIPPED, "disabled")
                            : new StepResult(planned.step(), StepStatus.DONE, steps.isEmpty() ? detail : null));
        }
        return new TargetResult(target.connectionId(), target.driver(), target.operation(), steps);
    }
}
