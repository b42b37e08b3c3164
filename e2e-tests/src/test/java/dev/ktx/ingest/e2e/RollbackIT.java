package dev.ktx.ingest.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ktx ingest rollback} through the stack: the demo's run rolled back leaves {@code main}'s artifacts as they were
 * before it, in one commit with the {@code Ktx-Rollback} trailer; a run whose artifact was changed by hand afterwards
 * is refused, naming the path, and {@code main} stays as it is.
 */
class RollbackIT {

    private static final String PAGE = "wiki/global/activation-policy-change-jan-2026.md";
    private static E2eStack stack;

    @BeforeAll
    static void up() throws Exception {
        stack = E2eStack.up(Map.of());
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    @Test
    void runRolledBackLeavesThePreRunTreeAndAHandEditBlocksTheNextRollback() throws Exception {
        Path project = DemoProject.create();
        ContextRepoGit git = new ContextRepoGit(project);
        String preRun = git.mainHead();
        String firstRun = ingest(project);
        assertThat(git.artifactTree("main")).as("the run wrote artifacts").contains(PAGE);

        E2eStack.Result rollback = stack.ktx("ingest", "rollback", firstRun, "--project-dir", project.toString());

        assertThat(rollback.exitCode()).as(rollback.out() + rollback.err()).isZero();
        assertThat(rollback.out()).startsWith("run " + firstRun + " rolled back in ");
        String rolledBack = git.mainHead();
        assertThat(git.artifactTree(rolledBack))
                .as("main's artifacts equal the pre-run tree")
                .isEqualTo(git.artifactTree(preRun));
        assertThat(git.trailers(rolledBack, "Ktx-Rollback")).isEqualTo(firstRun);
        assertThat(git.fsckProblems()).isEmpty();
        E2eStack.Result again = stack.ktx("ingest", "rollback", firstRun, "--project-dir", project.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("rollback of " + firstRun + " refused: already rolled back in ");
        assertThat(git.mainHead()).as("no second revert commit").isEqualTo(rolledBack);

        String secondRun = ingest(project);
        String beforeHandEdit = git.mainHead();
        DemoProject.amend(project, Map.of(PAGE, DemoProject.read(project, PAGE) + "\nEdited by hand.\n"));
        String handEdit = git.mainHead();
        assertThat(git.changedPaths(beforeHandEdit, handEdit))
                .as("the hand edit touched one artifact")
                .isEqualTo(PAGE);

        E2eStack.Result blocked = stack.ktx("ingest", "rollback", secondRun, "--project-dir", project.toString());

        assertThat(blocked.exitCode()).as(blocked.out() + blocked.err()).isEqualTo(1);
        assertThat(blocked.err())
                .contains("rollback of " + secondRun + " blocked: later commits changed " + PAGE + "\n");
        assertThat(git.mainHead()).as("main unchanged").isEqualTo(handEdit);
    }

    /** {@code ktx ingest --all} of the project; returns the run id of a run in which every step passed. */
    private static String ingest(Path project) throws Exception {
        E2eStack.Result run = stack.ktx("ingest", "--all", "--project-dir", project.toString(), "--json");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        return new ObjectMapper().readTree(run.out()).get("runId").asText();
    }
}
