package dev.ktx.ingest.core.config;

/** A secret could not be read at the time a worker needed it. The message names the reference, never a value. */
public class SecretResolutionException extends RuntimeException {

    private final transient SecretRef ref;

    public SecretResolutionException(SecretRef ref, String reason) {
        super("Cannot resolve secret " + ref + ": " + reason);
        this.ref = ref;
    }

    public SecretRef ref() {
        return ref;
    }
}
