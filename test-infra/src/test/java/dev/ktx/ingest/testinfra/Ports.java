package dev.ktx.ingest.testinfra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Test helper: whether something listens on a TCP port. */
final class Ports {

    private Ports() {}

    static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
