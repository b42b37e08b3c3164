package dev.ktx.ingest.core.input;

/**
 * An input file (a raw snapshot file, a dbt project file) that cannot be used: above the size cap, not UTF-8 text, or
 * not the shape of the upstream API's JSON. The message starts with the file.
 */
public final class RawFormatException extends RuntimeException {

    public RawFormatException(String file, String why) {
        super(file + ": " + why);
    }
}
