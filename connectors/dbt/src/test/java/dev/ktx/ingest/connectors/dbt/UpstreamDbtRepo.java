package dev.ktx.ingest.connectors.dbt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Daemon;
import org.eclipse.jgit.transport.DaemonClient;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;

/**
 * A real upstream for a dbt project: a bare repository that commits reach by push from a work clone, served over
 * {@code file://} and, on demand, over {@code git://} by JGit's daemon on a free loopback port.
 */
final class UpstreamDbtRepo implements AutoCloseable {

    static final String BRANCH = "main";
    private static final PersonIdent AUTHOR = new PersonIdent("dbt dev", "dev@example.com");

    private final Path bare;
    private final Git work;
    private Daemon daemon;
    private Repository served;

    UpstreamDbtRepo(Path dir) throws GitAPIException {
        bare = dir.resolve("upstream.git");
        Git.init()
                .setBare(true)
                .setInitialBranch(BRANCH)
                .setDirectory(bare.toFile())
                .call()
                .close();
        work = Git.init()
                .setInitialBranch(BRANCH)
                .setDirectory(dir.resolve("work").toFile())
                .call();
    }

    String fileUrl() {
        return bare.toUri().toString();
    }

    /** Starts the daemon on first use; its URL names the bare repository whatever path is asked for. */
    String gitUrl() throws IOException {
        if (daemon == null) {
            served = new FileRepositoryBuilder().setGitDir(bare.toFile()).build();
            daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            daemon.setRepositoryResolver((RepositoryResolver<DaemonClient>) (client, name) -> {
                served.incrementOpen();
                return served;
            });
            daemon.start();
        }
        return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/upstream.git";
    }

    /** Writes {@code files} (repository-relative path → text), commits them and pushes to the bare repository. */
    void commit(Map<String, String> files, String message) throws GitAPIException {
        DbtFixture.project(work.getRepository().getWorkTree().toPath(), files);
        work.add().addFilepattern(".").call();
        work.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).call();
        work.push()
                .setRemote(fileUrl())
                .setRefSpecs(new RefSpec(Constants.R_HEADS + BRANCH))
                .call();
    }

    /** Commits a symbolic link {@code path} → {@code target} and pushes it. */
    void symlink(String path, String target) throws IOException, GitAPIException {
        Files.createSymbolicLink(work.getRepository().getWorkTree().toPath().resolve(path), Path.of(target));
        commit(Map.of(), "link " + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (daemon != null) {
            daemon.stopAndWait();
            served.close();
        }
        work.close();
    }
}
