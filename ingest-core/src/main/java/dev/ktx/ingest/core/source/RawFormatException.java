package dev.ktx.ingest.core.source;

/** A raw snapshot file that does not have the shape of the upstream API's JSON; the message starts with the file. */
public final class RawFormatException extends RuntimeException {

    public RawFormatException(String file, String why) {
        super(file + ": " + why);
    }
}
