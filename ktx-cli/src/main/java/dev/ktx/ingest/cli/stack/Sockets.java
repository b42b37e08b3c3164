package dev.ktx.ingest.cli.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Cheap readiness probes over plain TCP. */
final class Sockets {

    static final int TIMEOUT_MILLIS = 1000;

    private Sockets() {}

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
