package dev.ktx.ingest.connectors.http;

/**
 * A live API call that failed for good: the message names the connection, the system and the request's method and
 * path, never its query string, headers or credentials. Not transient: the client has already retried what was worth
 * retrying.
 */
public final class ApiException extends RuntimeException {

    ApiException(String message) {
        super(message);
    }
}
