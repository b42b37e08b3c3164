package dev.ktx.ingest.core.config;

/** Where {@link SecretRef}s read environment variables from; tests pass a map lookup. */
@FunctionalInterface
public interface SecretResolver {

    /** The variable's value, or null when it is not set. */
    String getenv(String name);

    static SecretResolver system() {
        return System::getenv;
    }
}
