package dev.ktx.ingest.testinfra;

/** No way of obtaining a service worked; the message lists every way tried and why it failed. */
public class InfraUnavailableException extends RuntimeException {

    InfraUnavailableException(String message) {
        super(message);
    }
}
