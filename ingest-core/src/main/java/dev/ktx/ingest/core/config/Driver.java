package dev.ktx.ingest.core.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The connection drivers this version supports, by their {@code driver:} name in ktx.yaml. */
public enum Driver {
    POSTGRES("postgres", Kind.DATABASE),
    DBT("dbt", Kind.SOURCE),
    METABASE("metabase", Kind.SOURCE),
    NOTION("notion", Kind.SOURCE);

    /** Database connections are scanned by database ingest; sources run after the database stage. */
    public enum Kind {
        DATABASE,
        SOURCE
    }

    private final String wireName;
    private final Kind kind;

    Driver(String wireName, Kind kind) {
        this.wireName = wireName;
        this.kind = kind;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<Driver> fromWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
    }
}
