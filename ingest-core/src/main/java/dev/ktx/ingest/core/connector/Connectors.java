package dev.ktx.ingest.core.connector;

import dev.ktx.ingest.core.config.Driver;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * The connectors of one kind on the class path, by driver, loaded once with {@link ServiceLoader} through the
 * thread's context class loader (the application class loader of a Quarkus service, also in its packaged jar).
 */
public final class Connectors<C> {

    private final Map<Driver, C> byDriver;

    private Connectors(Map<Driver, C> byDriver) {
        this.byDriver = Collections.unmodifiableMap(byDriver);
    }

    public static Connectors<SourceConnector> sources() {
        return load(SourceConnector.class, SourceConnector::driver);
    }

    public static Connectors<DatabaseConnector> databases() {
        return load(DatabaseConnector.class, DatabaseConnector::driver);
    }

    /** @throws IllegalStateException when two connectors on the class path claim the same driver */
    static <C> Connectors<C> load(Class<C> type, Function<C, Driver> driverOf) {
        Map<Driver, C> byDriver = new EnumMap<>(Driver.class);
        for (C connector : ServiceLoader.load(type)) {
            C other = byDriver.putIfAbsent(driverOf.apply(connector), connector);
            if (other != null) {
                throw new IllegalStateException(
                        "two connectors for driver " + driverOf.apply(connector).wireName() + " on the class path: "
                                + other.getClass().getName() + " and "
                                + connector.getClass().getName());
            }
        }
        return new Connectors<>(byDriver);
    }

    /** @throws NoConnectorException when no connector for {@code driver} is on the class path */
    public C forDriver(Driver driver) {
        return Optional.ofNullable(byDriver.get(driver)).orElseThrow(() -> new NoConnectorException(driver));
    }

    public Set<Driver> drivers() {
        return byDriver.keySet();
    }
}
