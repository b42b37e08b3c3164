package dev.ktx.ingest.e2e;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * What every fault drill must leave behind once its run is final (docs/reliability.md, "What every drill asserts"),
 * collected softly so that a failing drill lists every property that broke, not just the first.
 */
final class FaultChecks {

    private final SoftAssertions softly;

    FaultChecks(SoftAssertions softly) {
        this.softly = softly;
    }

    /**
     * A run over fresh inputs after a fault: each target reported once, in plan order; each {@code done} target
     * landed exactly one squash commit (the inputs are new, so none may be {@code unchanged}) and has no sentinel, a
     * failed one no commit; no session ref without a sentinel; {@code git fsck --strict} clean; nothing left
     * unconsumed on the topics and nothing dead-lettered (every message of a drill is readable).
     */
    void faultedRun(RunOutcome run, ContextRepoGit repo, Map<String, Long> unconsumed, List<String> deadLetters) {
        softly.assertThat(run.reported())
                .as("each target reported exactly once, in plan order\n%s", run.describe())
                .containsExactlyElementsOf(run.plan());
        for (String target : run.plan()) {
            softly.assertThat(run.status(target))
                    .as("%s has a final result\n%s", target, run.describe())
                    .isNotEqualTo("not-run");
            long expected = run.isDone(target) ? 1 : 0;
            softly.assertThat(repo.squashCommits(run.runId(), target))
                    .as("squash commits on main of %s, which is %s\n%s", target, run.status(target), run.describe())
                    .isEqualTo(expected);
        }
        softly.assertThat(repo.sentinels(run.runId()))
                .as("sentinels of run %s (a done target has none)\n%s", run.runId(), run.describe())
                .noneMatch(run::isDone);
        aftermath(repo, unconsumed, deadLetters);
    }

    /**
     * What can still be checked when the run never reached a final state (that failure is recorded already): the
     * repository, the topics and the dead letters, as evidence of where the run got stuck.
     */
    void aftermath(ContextRepoGit repo, Map<String, Long> unconsumed, List<String> deadLetters) {
        repository(repo);
        softly.assertThat(unconsumed)
                .as("records the consumer groups never committed after the run")
                .isEmpty();
        softly.assertThat(deadLetters)
                .as("messages dead-lettered during the drill")
                .isEmpty();
    }

    /**
     * A second run on the same inputs: final, every target done, and no squash commit for a target that the faulted
     * run landed already (one it failed may land now).
     */
    void secondRun(RunOutcome first, RunOutcome second, ContextRepoGit repo) {
        for (String target : second.plan()) {
            softly.assertThat(second.status(target))
                    .as("%s in the second run\n%s", target, second.describe())
                    .isEqualTo("done");
            if (first.isDone(target)) {
                softly.assertThat(repo.squashCommits(second.runId(), target))
                        .as(
                                "commits of the second run for %s, which the faulted run reported done\n%s",
                                target, second.describe())
                        .isZero();
            }
        }
        repository(repo);
    }

    private void repository(ContextRepoGit repo) {
        softly.assertThat(repo.sessionsWithoutSentinel())
                .as("session refs without a sentinel")
                .isEmpty();
        softly.assertThat(repo.fsckProblems()).as("git fsck --strict").isEmpty();
    }
}
