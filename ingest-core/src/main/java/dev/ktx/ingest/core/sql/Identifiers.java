package dev.ktx.ingest.core.sql;

import java.util.Locale;

/** PostgreSQL identifier folding. */
public final class Identifiers {

    private Identifiers() {}

    /** A name as written → the name it denotes: {@code "Odd ""Name"""} → {@code Odd "Name"}; {@code Plan} → {@code plan}. */
    public static String fold(String written) {
        return written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")
                ? written.substring(1, written.length() - 1).replace("\"\"", "\"")
                : written.toLowerCase(Locale.ROOT);
    }
}
