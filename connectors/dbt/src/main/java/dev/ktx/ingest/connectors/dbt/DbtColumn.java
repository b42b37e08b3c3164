package dev.ktx.ingest.connectors.dbt;

import java.util.List;

/** A documented column of a dbt model; {@code description} is empty when none is given. */
record DbtColumn(String name, String description, List<DbtTest> tests) {

    DbtColumn {
        tests = List.copyOf(tests);
    }
}
