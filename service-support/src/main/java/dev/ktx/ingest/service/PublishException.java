package dev.ktx.ingest.service;

/** The broker refused a message or did not confirm it in time; the message says what could not be published and why. */
public class PublishException extends RuntimeException {

    PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
