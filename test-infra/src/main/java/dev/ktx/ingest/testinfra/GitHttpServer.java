package dev.ktx.ingest.testinfra;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A git server over smart HTTP with basic authentication, in this JVM on a random loopback port, for tests of git
 * remotes. Every bare repository directly under {@code root} is served at {@code http://127.0.0.1:<port>/git/<name>}
 * (e.g. {@code <root>/acme.git} at {@code .../git/acme.git}) for clone, fetch and push. A request without the
 * configured user and token (the token is the password) gets {@code 401} with
 * {@code WWW-Authenticate: Basic realm="ktx-test", charset="UTF-8"}, so that git clients send their credentials.
 */
public final class GitHttpServer implements AutoCloseable {

    static final String REALM = "ktx-test";
    private static final String HOST = "127.0.0.1";

    private final HttpServer server;
    private final ExecutorService executor;
    private final SmartHttpHandler handler;

    private GitHttpServer(HttpServer server, ExecutorService executor, SmartHttpHandler handler) {
        this.server = server;
        this.executor = executor;
        this.handler = handler;
    }

    public static GitHttpServer start(Path root, String user, String token) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("Git server root is not a directory: " + root);
        }
        if (user == null || user.isEmpty() || token == null || token.isEmpty()) {
            throw new IllegalArgumentException("Git server needs a non-empty user and token");
        }
        SmartHttpHandler handler = new SmartHttpHandler(root.toAbsolutePath().normalize());
        HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
        server.createContext(SmartHttpHandler.CONTEXT, handler).setAuthenticator(new TokenAuthenticator(user, token));
        // One thread per request: a client may hold a connection while the next request of its session arrives.
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "git-http-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new GitHttpServer(server, executor, handler);
    }

    /** The clone URL of {@code <root>/<repoName>}. */
    public URI url(String repoName) {
        return URI.create("http://" + HOST + ":" + server.getAddress().getPort() + SmartHttpHandler.CONTEXT + repoName);
    }

    /** Authenticated receive-pack (push) calls so far, rejected ones included. */
    public int receivePackCount() {
        return handler.receivePackCount();
    }

    /**
     * Runs {@code hook} on each authenticated push before the server reads its refs: the client has already seen the
     * ref advertisement, so a hook that moves a branch makes the push race a concurrent writer.
     */
    public void onReceivePack(Runnable hook) {
        handler.onReceivePack(hook);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Compares in constant time, as a real server must. */
    private static final class TokenAuthenticator extends BasicAuthenticator {

        private final byte[] user;
        private final byte[] token;

        TokenAuthenticator(String user, String token) {
            super(REALM);
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String username, String password) {
            boolean userMatches = MessageDigest.isEqual(user, username.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(token, password.getBytes(StandardCharsets.UTF_8)) & userMatches;
        }
    }
}
