package dev.ktx.ingest.cli.stack;

/**
 * A line of {@code ktx stack status}.
 *
 * @param process {@code pid <n>}, {@code external} or {@code not running}
 * @param endpoint its address, {@code -} when unknown
 */
record ComponentStatus(String name, String process, boolean ready, String endpoint) {

    String line(int nameWidth) {
        return String.format(
                "%-" + nameWidth + "s  %-12s  %-9s  %s", name, process, ready ? "ready" : "not ready", endpoint);
    }
}
