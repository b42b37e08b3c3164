package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.Driver;

/** A job names a driver whose connector module is not on this worker's class path: a deployment error. */
public final class NoConnectorException extends IllegalStateException {

    public NoConnectorException(Driver driver) {
        super("no connector for driver " + driver.wireName() + " on this worker's class path");
    }
}
