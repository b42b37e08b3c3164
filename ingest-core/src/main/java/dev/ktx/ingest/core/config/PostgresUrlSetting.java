package dev.ktx.ingest.core.config;

import java.util.Objects;

/** The postgres {@code url}: given inline (checked at load time) or by a secret reference (checked when resolved). */
public sealed interface PostgresUrlSetting permits PostgresUrlSetting.Inline, PostgresUrlSetting.Referenced {

    PostgresUrl resolve(SecretResolver resolver);

    record Inline(PostgresUrl url) implements PostgresUrlSetting {

        public Inline {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public PostgresUrl resolve(SecretResolver resolver) {
            return url;
        }
    }

    record Referenced(SecretRef ref) implements PostgresUrlSetting {

        public Referenced {
            Objects.requireNonNull(ref, "ref");
        }

        @Override
        public PostgresUrl resolve(SecretResolver resolver) {
            try {
                return PostgresUrl.parse(ref.resolve(resolver));
            } catch (IllegalArgumentException e) {
                throw new SecretResolutionException(ref, "not a valid postgres url: " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return ref.toString();
        }
    }
}
