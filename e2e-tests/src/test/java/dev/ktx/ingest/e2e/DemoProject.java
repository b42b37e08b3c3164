package dev.ktx.ingest.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A fresh copy of {@code examples/acme} as a git checkout with one commit on {@code main}, as a user would have it.
 * Projects live under {@code target/projects/}, not in JUnit temp dirs: the services may still read a project
 * (e.g. the planner taking the last result) after a test's assertions are done.
 */
final class DemoProject {

    /** Where e2e projects live: the stack's {@code KTX_REPOS_ROOT}. */
    static final Path PROJECTS = Path.of("target/projects").toAbsolutePath();

    private DemoProject() {}

    static Path create() throws Exception {
        Path project = Files.createDirectories(PROJECTS).resolve("acme-" + UUID.randomUUID());
        Path source = E2eStack.HOME.resolve("examples/acme");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Git git = Git.init()
                .setDirectory(project.toFile())
                .setInitialBranch("main")
                .call()) {
            git.add().addFilepattern(".").call();
            PersonIdent user = new PersonIdent("e2e", "e2e@localhost");
            git.commit()
                    .setAuthor(user)
                    .setCommitter(user)
                    .setMessage("acme project")
                    .call();
        }
        return project;
    }

    /** Writes {@code files} (relative path → content) into the checkout and commits them on {@code main}. */
    static void amend(Path project, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = project.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        try (Git git = Git.open(project.toFile())) {
            git.add().addFilepattern(".").call();
            PersonIdent user = new PersonIdent("e2e", "e2e@localhost");
            git.commit()
                    .setAuthor(user)
                    .setCommitter(user)
                    .setMessage("test variant")
                    .call();
        }
    }

    static List<RevCommit> log(Path project) throws Exception {
        try (Git git = Git.open(project.toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            return commits;
        }
    }

    static String read(Path project, String path) throws IOException {
        return Files.readString(project.resolve(path));
    }
}
