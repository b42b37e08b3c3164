package dev.ktx.ingest.connectors.postgres;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** Small JDBC helpers shared by the postgres classes. */
final class Jdbc {

    private Jdbc() {}

    /** A {@code text[]} / {@code name[]} value as a list. */
    static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }

    /** For paths that already have a result or a more useful error than a failed close. */
    static void closeQuietly(Connection jdbc) {
        try {
            jdbc.close();
        } catch (SQLException ignored) {
            // nothing to add
        }
    }
}
