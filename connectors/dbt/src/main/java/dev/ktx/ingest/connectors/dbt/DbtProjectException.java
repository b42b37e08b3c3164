package dev.ktx.ingest.connectors.dbt;

/** A dbt project the adapter cannot read; the message names the file and what is wrong with it. */
public class DbtProjectException extends IllegalArgumentException {

    public DbtProjectException(String message) {
        super(message);
    }
}
