package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void parsesALibpqUri() {
        assertThat(PostgresUrl.parse("postgresql://ktx:p%40ss+word@db.internal:5433/acme?sslmode=require"))
                .isEqualTo(new PostgresUrl(
                        "jdbc:postgresql://db.internal:5433/acme?sslmode=require",
                        Optional.of("ktx"),
                        Optional.of("p@ss+word")));
    }

    @Test
    void parsesThePostgresSchemeWithoutCredentialsOrDatabase() {
        assertThat(PostgresUrl.parse("postgres://db"))
                .isEqualTo(new PostgresUrl("jdbc:postgresql://db/", Optional.empty(), Optional.empty()));
    }

    @Test
    void takesCredentialsOutOfAJdbcUrl() {
        assertThat(PostgresUrl.parse("jdbc:postgresql://db:5432/acme?user=ktx&ssl=true&password=s3cret"))
                .isEqualTo(new PostgresUrl(
                        "jdbc:postgresql://db:5432/acme?ssl=true", Optional.of("ktx"), Optional.of("s3cret")));
    }

    @Test
    void rejectsOtherSchemesAndMissingHosts() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://db/acme")).hasMessage(PostgresUrl.EXPECTED_FORMS);
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ktx:s3cret@/acme"))
                .hasMessage("must name a host");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://db/ac me")).hasMessage("must not contain whitespace");
    }

    @Test
    void toStringHidesThePassword() {
        assertThat(PostgresUrl.parse("postgresql://ktx:s3cret@db/acme"))
                .hasToString(
                        "PostgresUrl[jdbcUrl=jdbc:postgresql://db/acme, user=ktx, password=****, secretParameters=[]]");
        assertThat(PostgresUrl.parse("postgresql://db/acme?sslpassword=s3cret&sslmode=require"))
                .hasToString(
                        "PostgresUrl[jdbcUrl=jdbc:postgresql://db/acme?sslmode=require, user=<none>, password=<none>, "
                                + "secretParameters=[sslpassword]]");
    }
}
