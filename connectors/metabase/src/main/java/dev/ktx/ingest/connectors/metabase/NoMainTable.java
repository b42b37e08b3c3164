package dev.ktx.ingest.connectors.metabase;

/** A card's query has no table the semantic layer could back; {@code reason} is a {@link CardResolution} reason. */
final class NoMainTable extends Exception {

    private final String reason;

    NoMainTable(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
