package dev.ktx.ingest.connectors.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import dev.ktx.ingest.core.config.DbtProject;
import dev.ktx.ingest.core.config.SecretRef;
import dev.ktx.ingest.core.retry.TransientFailures;
import dev.ktx.ingest.core.source.RawSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ReflogEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repo_url} projects against real repositories: {@code file://}, {@code git://} (JGit's daemon), HTTP. */
class DbtGitFetchTest {

    private static final String PROJECT = "analytics";
    private static final String TOKEN = "ghp_s3cr3tT0kenValue";
    private static final String MARKER = "kept-by-incremental-fetch";

    @TempDir
    Path dir;

    private UpstreamDbtRepo upstream;
    private DbtAdapter adapter;

    @BeforeEach
    void upstreamWithADbtProject() throws Exception {
        upstream = new UpstreamDbtRepo(dir.resolve("upstream"));
        upstream.commit(
                Map.of(
                        "README.md",
                        "not part of the dbt project\n",
                        PROJECT + "/dbt_project.yml",
                        "name: shop\nversion: '1.0'\n",
                        PROJECT + "/models/orders.yml",
                        "models:\n  - name: orders\n    description: One row per order.\n"),
                "orders model");
        adapter = new DbtAdapter(dir.resolve("cache"));
    }

    @AfterEach
    void stopUpstream() throws Exception {
        upstream.close();
    }

    @Test
    void clonesOverFileUrlsAndFetchesANewCommitIncrementally() throws Exception {
        clonesThenFetchesIncrementally(upstream.fileUrl());
    }

    @Test
    void clonesOverTheGitProtocolAndFetchesANewCommitIncrementally() throws Exception {
        clonesThenFetchesIncrementally(upstream.gitUrl());
    }

    private void clonesThenFetchesIncrementally(String url) throws Exception {
        DbtProject.GitRepo repo = repo(url);

        RawSnapshot first = adapter.fetch(DbtFixture.context(repo));

        assertThat(first.files()).containsOnlyKeys("dbt_project.yml", "models/orders.yml");
        assertThat(modelNames(first)).containsExactly("orders");
        Path clone = cacheDir(repo);
        Files.writeString(clone.resolve(".git").resolve(MARKER), "a fresh clone would not have this file");

        upstream.commit(
                Map.of(
                        PROJECT + "/models/customers.yml",
                        "models:\n  - name: customers\n    description: One row per customer.\n"),
                "customers model");
        RawSnapshot second = adapter.fetch(DbtFixture.context(repo));

        assertThat(modelNames(second)).containsExactly("customers", "orders");
        assertThat(clone.resolve(".git").resolve(MARKER)).exists();
        try (Git git = Git.open(clone.toFile())) {
            assertThat(git.reflog()
                            .setRef(Constants.R_REMOTES + "origin/" + UpstreamDbtRepo.BRANCH)
                            .call())
                    .first()
                    .extracting(ReflogEntry::getComment)
                    .asString()
                    .startsWith("fetch");
        }
    }

    @Test
    void aDamagedCacheIsClonedAgain() throws Exception {
        DbtProject.GitRepo repo = repo(upstream.fileUrl());
        adapter.fetch(DbtFixture.context(repo));
        Path objects = cacheDir(repo).resolve(".git/objects");
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.write(file, new byte[0]);
            }
        }

        upstream.commit(Map.of(PROJECT + "/models/customers.yml", "models:\n  - name: customers\n"), "customers");

        assertThat(modelNames(adapter.fetch(DbtFixture.context(repo)))).containsExactly("customers", "orders");
    }

    @Test
    void anUnknownBranchIsNamed() {
        DbtProject.GitRepo repo = new DbtProject.GitRepo(upstream.fileUrl(), "release", PROJECT, Optional.empty());

        assertThatThrownBy(() -> adapter.fetch(DbtFixture.context(repo)))
                .isInstanceOf(DbtProjectException.class)
                .hasMessage("cannot fetch dbt repository " + upstream.fileUrl() + " (branch release): Remote branch"
                        + " 'refs/heads/release' not found in upstream origin");
    }

    @Test
    void aPathWithoutAProjectOrLeadingOutOfTheRepositoryIsNamed() throws Exception {
        upstream.symlink("escape", "..");
        String url = upstream.fileUrl();

        assertThatThrownBy(() -> adapter.fetch(DbtFixture.context(
                        new DbtProject.GitRepo(url, UpstreamDbtRepo.BRANCH, "models", Optional.empty()))))
                .hasMessage("no dbt project at path models of " + url + " (branch main): dbt_project.yml is missing");
        assertThatThrownBy(() -> adapter.fetch(DbtFixture.context(
                        new DbtProject.GitRepo(url, UpstreamDbtRepo.BRANCH, "escape", Optional.empty()))))
                .hasMessage("path escape of " + url + " (branch main) leads out of the repository");
    }

    @Test
    void theTokenIsSentAsBasicCredentialsAndNeverAppearsInAnError() throws Exception {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                    .ifPresent(authorizations::add);
            boolean rejects = exchange.getRequestURI().getPath().startsWith("/private/");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"git\"");
            exchange.sendResponseHeaders(rejects ? 401 : 503, -1);
            exchange.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try {
            Throwable rejected = fetchWithToken(base + "/private/dbt.git");
            Throwable unavailable = fetchWithToken(base + "/down/dbt.git");

            assertThat(rejected)
                    .isInstanceOf(DbtProjectException.class)
                    .hasMessageStartingWith("cannot fetch dbt repository " + base + "/private/dbt.git (branch main): ");
            assertThat(TransientFailures.isTransient(rejected)).isFalse();
            assertThat(TransientFailures.isTransient(unavailable)).isTrue();
            for (Throwable failure : List.of(rejected, unavailable)) {
                StringWriter trace = new StringWriter();
                failure.printStackTrace(new PrintWriter(trace));
                assertThat(trace.toString()).doesNotContain(TOKEN);
            }
            assertThat(authorizations)
                    .contains("Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (DbtRepoCache.USERNAME + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        } finally {
            server.stop(0);
        }
    }

    private Throwable fetchWithToken(String url) {
        DbtProject.GitRepo repo = new DbtProject.GitRepo(
                url, UpstreamDbtRepo.BRANCH, PROJECT, Optional.of(new SecretRef.Env("DBT_GIT_TOKEN")));
        return catchThrowable(
                () -> adapter.fetch(DbtFixture.context(repo, name -> name.equals("DBT_GIT_TOKEN") ? TOKEN : null)));
    }

    private static DbtProject.GitRepo repo(String url) {
        return new DbtProject.GitRepo(url, UpstreamDbtRepo.BRANCH, PROJECT, Optional.empty());
    }

    private Path cacheDir(DbtProject.GitRepo repo) {
        return dir.resolve("cache").resolve(DbtRepoCache.key(repo));
    }

    private static List<String> modelNames(RawSnapshot raw) {
        return DbtDefinitions.read(DbtFixture.stage(raw)).models().stream()
                .map(DbtModel::name)
                .toList();
    }
}
