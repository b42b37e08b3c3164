package dev.ktx.ingest.cli.sessions;

import dev.ktx.ingest.cli.CliEnvironment;
import dev.ktx.ingest.cli.ExitCodes;
import dev.ktx.ingest.cli.ProjectOptions;
import dev.ktx.ingest.core.git.ContextRepository;
import dev.ktx.ingest.core.git.Sentinel;
import dev.ktx.ingest.core.git.SessionId;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ktx sessions list}: one line per session branch or sentinel, {@code <runId>/<connectionId>  <state>  <at>  <error>}.
 * A session without a sentinel is {@code open} (its run may still be going) or, once its run started longer ago than
 * {@code --orphans-older-than}, {@code orphaned} (its worker died before writing a sentinel; {@code gc} removes it).
 */
@Command(name = "list", description = "Lists session branches and sentinels with their outcome and error.")
public final class SessionsListCommand implements Callable<Integer> {

    private static final String OPEN = "open";
    private static final String ORPHANED = "orphaned";
    private static final String UNREADABLE = "unreadable";
    private static final String NONE = "-";

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Mixin
    private OrphanAgeOption orphanAge;

    @Mixin
    private ProjectOptions project;

    public SessionsListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        return ContextRepos.with(project, environment, repo -> {
            Set<SessionId> orphans =
                    Set.copyOf(repo.orphans(orphanAge.cutoff(environment.clock().instant())));
            SortedSet<String> ids = new TreeSet<>();
            repo.sessions().forEach(id -> ids.add(id.toString()));
            repo.sentinels().forEach(id -> ids.add(id.toString()));
            for (String id : ids) {
                out.println(line(id, repo, orphans));
            }
            return ExitCodes.OK;
        });
    }

    private static String line(String id, ContextRepository repo, Set<SessionId> orphans) {
        SessionId session = SessionId.parse(id);
        Optional<Sentinel> sentinel;
        try {
            sentinel = repo.sentinel(session);
        } catch (IllegalArgumentException e) {
            return String.join("  ", id, UNREADABLE, NONE, e.getMessage());
        }
        return sentinel.map(s -> String.join("  ", id, s.outcome().name(), s.at().toString(), oneLine(s.error())))
                .orElse(String.join("  ", id, orphans.contains(session) ? ORPHANED : OPEN, NONE, NONE));
    }

    /** Gate failures span several lines; a listing keeps one line per session. */
    private static String oneLine(String error) {
        return error == null || error.isBlank()
                ? NONE
                : String.join("; ", error.strip().lines().toList());
    }
}
