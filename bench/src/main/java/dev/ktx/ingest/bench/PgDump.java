package dev.ktx.ingest.bench;

import dev.ktx.ingest.testinfra.PostgresEndpoint;
import java.nio.file.Path;

/** {@code pg_dump --schema-only} of one database, the tool one would use instead of a scan. */
final class PgDump {

    private PgDump() {}

    /** Milliseconds for a schema-only dump written to {@code /dev/null}. */
    static double time(PostgresEndpoint database) throws Exception {
        long started = System.nanoTime();
        Commands.run(
                Path.of("."),
                "pg_dump",
                "--schema-only",
                "-h",
                database.host(),
                "-p",
                Integer.toString(database.port()),
                "-U",
                database.user(),
                "-d",
                database.database(),
                "-f",
                "/dev/null");
        return Timings.since(started);
    }
}
