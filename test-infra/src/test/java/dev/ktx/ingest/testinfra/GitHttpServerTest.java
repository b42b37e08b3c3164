package dev.ktx.ingest.testinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHttpServerTest {

    private static final String USER = "ktx";
    private static final String TOKEN = "tok-7c1e9f-secret";
    private static final String MAIN = "refs/heads/main";
    private static final CredentialsProvider WITH_TOKEN = new UsernamePasswordCredentialsProvider(USER, TOKEN);

    @TempDir
    Path temp;

    private Path bare;
    private RevCommit initial;
    private GitHttpServer server;

    @BeforeEach
    void serveOneRepository() throws Exception {
        Path root = Files.createDirectory(temp.resolve("repos"));
        bare = root.resolve("acme.git");
        try (Git seed = Git.init()
                .setDirectory(temp.resolve("seed").toFile())
                .setInitialBranch("main")
                .call()) {
            initial = commit(seed, "README.md");
            Git.cloneRepository()
                    .setBare(true)
                    .setURI(seed.getRepository().getDirectory().toURI().toString())
                    .setDirectory(bare.toFile())
                    .call()
                    .close();
        }
        server = GitHttpServer.start(root, USER, TOKEN);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void clonesFetchesAndPushesWithTheToken() throws Exception {
        try (Git reader = cloneWithToken("reader");
                Git writer = cloneWithToken("writer")) {
            assertThat(reader.getRepository().resolve("HEAD")).isEqualTo(initial);
            assertThat(reader.getRepository().getWorkTree().toPath().resolve("README.md"))
                    .exists();

            RevCommit pushed = commit(writer, "notes.md");
            PushResult push = writer.push()
                    .setCredentialsProvider(WITH_TOKEN)
                    .setRefSpecs(new RefSpec("HEAD:" + MAIN))
                    .call()
                    .iterator()
                    .next();
            assertThat(push.getRemoteUpdate(MAIN).getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            assertThat(mainOnServer()).isEqualTo(pushed);
            assertThat(server.receivePackCount()).isEqualTo(1);

            reader.fetch().setCredentialsProvider(WITH_TOKEN).call();
            assertThat(reader.getRepository().resolve("refs/remotes/origin/main"))
                    .isEqualTo(pushed);
        }
    }

    @Test
    void refusesAPushWithoutCredentials() throws Exception {
        try (Git writer = cloneWithToken("writer")) {
            commit(writer, "notes.md");
            assertThatThrownBy(() -> writer.push()
                            .setRefSpecs(new RefSpec("HEAD:" + MAIN))
                            .call())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("Authentication is required");
        }
        assertThat(mainOnServer()).isEqualTo(initial);
    }

    @Test
    void refusesAPushWithAWrongTokenWithoutEchoingAnyToken() throws Exception {
        String wrongToken = "tok-wrong-0000";
        try (Git writer = cloneWithToken("writer")) {
            commit(writer, "notes.md");
            assertThatThrownBy(() -> writer.push()
                            .setRefSpecs(new RefSpec("HEAD:" + MAIN))
                            .setCredentialsProvider(new UsernamePasswordCredentialsProvider(USER, wrongToken))
                            .call())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("not authorized")
                    .hasMessageNotContaining(wrongToken)
                    .hasMessageNotContaining(TOKEN);
        }
        assertThat(mainOnServer()).isEqualTo(initial);
        assertThat(server.receivePackCount()).isZero();
    }

    @Test
    void asksForBasicCredentialsAndAnswersAnUnknownRepositoryWithNotFound() throws Exception {
        URI advertisement = URI.create(server.url("acme.git") + "/info/refs?service=git-upload-pack");

        HttpResponse<String> anonymous = get(advertisement, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValue("Basic realm=\"ktx-test\", charset=\"UTF-8\"");
        assertThat(get(advertisement, USER + ":wrong").statusCode()).isEqualTo(401);

        HttpResponse<String> authorized = get(advertisement, USER + ":" + TOKEN);
        assertThat(authorized.statusCode()).isEqualTo(200);
        assertThat(authorized.headers().firstValue("Content-Type"))
                .hasValue("application/x-git-upload-pack-advertisement");
        assertThat(authorized.body()).contains("# service=git-upload-pack").contains(initial.name());

        URI missing = URI.create(server.url("missing.git") + "/info/refs?service=git-upload-pack");
        assertThat(get(missing, USER + ":" + TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void rejectsAPushWhoseExpectedOldIdIsNotMain() throws Exception {
        try (Git writer = cloneWithToken("writer")) {
            RevCommit notMain = commit(writer, "a.md");
            commit(writer, "b.md");
            RemoteRefUpdate update = new RemoteRefUpdate(writer.getRepository(), "HEAD", MAIN, false, null, notMain);
            assertThat(push(writer.getRepository(), update).getStatus())
                    .isEqualTo(RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED);
        }
        assertThat(mainOnServer()).isEqualTo(initial);
        // The client compares with the advertised refs and never sends the push: the server-side guard is below.
        assertThat(server.receivePackCount()).isZero();
    }

    @Test
    void rejectsAPushWhenMainMovesAfterTheClientReadTheRefs() throws Exception {
        try (Git other = cloneWithToken("other");
                Git writer = cloneWithToken("writer")) {
            RevCommit concurrent = commit(other, "concurrent.md");
            other.push()
                    .setCredentialsProvider(WITH_TOKEN)
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/side"))
                    .call();
            server.onReceivePack(() -> moveMainOnServer(concurrent));

            commit(writer, "mine.md");
            RemoteRefUpdate update = new RemoteRefUpdate(writer.getRepository(), "HEAD", MAIN, false, null, initial);
            RemoteRefUpdate result = push(writer.getRepository(), update);

            assertThat(result.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
            assertThat(result.getMessage()).isEqualTo("invalid old id sent"); // JGit ReceivePack's compare-and-set
            assertThat(mainOnServer()).isEqualTo(concurrent);
            assertThat(server.receivePackCount()).isEqualTo(2);
        }
    }

    private Git cloneWithToken(String name) throws Exception {
        return Git.cloneRepository()
                .setURI(server.url("acme.git").toString())
                .setCredentialsProvider(WITH_TOKEN)
                .setDirectory(temp.resolve(name).toFile())
                .call();
    }

    private RemoteRefUpdate push(Repository local, RemoteRefUpdate update) throws Exception {
        try (Transport transport =
                Transport.open(local, new URIish(server.url("acme.git").toString()))) {
            transport.setCredentialsProvider(WITH_TOKEN);
            return transport.push(NullProgressMonitor.INSTANCE, List.of(update)).getRemoteUpdate(MAIN);
        }
    }

    private ObjectId mainOnServer() throws Exception {
        try (Repository repository = openBare()) {
            return repository.resolve(MAIN);
        }
    }

    private void moveMainOnServer(ObjectId target) {
        try (Repository repository = openBare()) {
            RefUpdate update = repository.updateRef(MAIN);
            update.setNewObjectId(target);
            assertThat(update.forceUpdate()).isEqualTo(RefUpdate.Result.FORCED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Repository openBare() throws Exception {
        return new FileRepositoryBuilder()
                .setGitDir(bare.toFile())
                .setMustExist(true)
                .build();
    }

    private static RevCommit commit(Git git, String file) throws Exception {
        Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), file + "\n");
        git.add().addFilepattern(file).call();
        return git.commit()
                .setMessage("Add " + file)
                .setAuthor("Test", "test@example.org")
                .setCommitter("Test", "test@example.org")
                .setSign(false)
                .call();
    }

    private static HttpResponse<String> get(URI uri, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (credentials != null) {
            String encoded = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + encoded);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
