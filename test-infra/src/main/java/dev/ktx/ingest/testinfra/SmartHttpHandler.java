package dev.ktx.ingest.testinfra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser.PacketLineOutRefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * git's smart HTTP protocol (git's gitprotocol-http): {@code GET <repo>/info/refs?service=<service>} advertises the
 * refs, then each {@code POST <repo>/<service>} is one stateless call. The git side is JGit's own
 * {@link UploadPack} and {@link ReceivePack}; this class only frames them in HTTP. The dumb protocol is not served.
 */
final class SmartHttpHandler implements HttpHandler {

    static final String CONTEXT = "/git/";
    private static final Logger LOG = LoggerFactory.getLogger(SmartHttpHandler.class);

    private final Path root;
    private final AtomicInteger receivePacks = new AtomicInteger();
    private volatile Runnable receivePackHook = () -> {};

    SmartHttpHandler(Path root) {
        this.root = root;
    }

    int receivePackCount() {
        return receivePacks.get();
    }

    void onReceivePack(Runnable hook) {
        receivePackHook = hook;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "git {} {} failed",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    e);
            if (exchange.getResponseCode() == -1) {
                exchange.sendResponseHeaders(500, -1);
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(CONTEXT.length());
        int slash = path.indexOf('/');
        Optional<Path> gitDir = slash < 0 ? Optional.empty() : repository(path.substring(0, slash));
        String endpoint = slash < 0 ? "" : path.substring(slash + 1);
        String method = exchange.getRequestMethod();
        Optional<Service> called = Service.named(endpoint);
        if (gitDir.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
        } else if (method.equals("GET") && endpoint.equals("info/refs")) {
            Optional<Service> advertised =
                    Service.named(serviceParameter(exchange.getRequestURI().getRawQuery()));
            if (advertised.isEmpty()) {
                exchange.sendResponseHeaders(403, -1);
            } else {
                advertise(exchange, gitDir.get(), advertised.get());
            }
        } else if (method.equals("POST") && called.isPresent()) {
            call(exchange, gitDir.get(), called.get());
        } else {
            exchange.sendResponseHeaders(404, -1);
        }
    }

    /** A bare repository directly under the root; anything else (paths, {@code ..}, non-repositories) is not found. */
    private Optional<Path> repository(String name) {
        Path dir = root.resolve(name).normalize();
        boolean servable = !name.isEmpty()
                && root.equals(dir.getParent())
                && Files.isRegularFile(dir.resolve("HEAD"))
                && Files.isDirectory(dir.resolve("objects"));
        return servable ? Optional.of(dir) : Optional.empty();
    }

    private void advertise(HttpExchange exchange, Path gitDir, Service service) throws IOException {
        try (Repository repository = open(gitDir)) {
            exchange.getResponseHeaders().set("Content-Type", "application/x-" + service.id + "-advertisement");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            PacketLineOut out = new PacketLineOut(exchange.getResponseBody());
            out.writeString("# service=" + service.id + "\n");
            out.end();
            PacketLineOutRefAdvertiser advertiser = new PacketLineOutRefAdvertiser(out);
            if (service == Service.UPLOAD_PACK) {
                uploadPack(repository).sendAdvertisedRefs(advertiser);
            } else {
                receivePack(repository, exchange).sendAdvertisedRefs(advertiser);
            }
        }
    }

    private void call(HttpExchange exchange, Path gitDir, Service service) throws IOException {
        if (service == Service.RECEIVE_PACK) {
            receivePacks.incrementAndGet();
            receivePackHook.run();
        }
        try (Repository repository = open(gitDir)) {
            InputStream in = requestBody(exchange);
            exchange.getResponseHeaders().set("Content-Type", "application/x-" + service.id + "-result");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            if (service == Service.UPLOAD_PACK) {
                uploadPack(repository).upload(in, out, null);
            } else {
                receivePack(repository, exchange).receive(in, out, null);
            }
        }
    }

    private static UploadPack uploadPack(Repository repository) {
        UploadPack uploadPack = new UploadPack(repository);
        uploadPack.setBiDirectionalPipe(false);
        return uploadPack;
    }

    private static ReceivePack receivePack(Repository repository, HttpExchange exchange) {
        ReceivePack receivePack = new ReceivePack(repository);
        receivePack.setBiDirectionalPipe(false);
        String user = exchange.getPrincipal().getUsername();
        receivePack.setRefLogIdent(new PersonIdent(user, user + "@" + GitHttpServer.REALM));
        return receivePack;
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(gitDir.toFile())
                .setMustExist(true)
                .build();
    }

    /** Git clients gzip large request bodies. */
    private static InputStream requestBody(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        return "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(body)
                : body;
    }

    private static String serviceParameter(String query) {
        return query == null
                ? ""
                : Arrays.stream(query.split("&"))
                        .filter(parameter -> parameter.startsWith("service="))
                        .map(parameter -> parameter.substring("service=".length()))
                        .findFirst()
                        .orElse("");
    }

    private enum Service {
        UPLOAD_PACK("git-upload-pack"),
        RECEIVE_PACK("git-receive-pack");

        final String id;

        Service(String id) {
            this.id = id;
        }

        static Optional<Service> named(String id) {
            return Arrays.stream(values())
                    .filter(service -> service.id.equals(id))
                    .findFirst();
        }
    }
}
