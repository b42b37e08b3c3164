package dev.ktx.ingest.connectors.metabase;

/** A warehouse table a card reads; {@code schema} is {@code null} when the SQL did not qualify the name. */
record TableRef(String schema, String name) {

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
