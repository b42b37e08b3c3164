package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cannot connect to postgresql://ktx:pw@db/acme|cannot connect to postgresql://***@db/acme",
                "jdbc:postgresql://db/acme?user=ktx&password=pw&ssl=true|jdbc:postgresql://db/acme?user=ktx&password=***&ssl=true",
                "postgres://db/acme?sslpassword=pw and https://u:t@mb.example.com/x|postgres://db/acme?sslpassword=*** and https://***@mb.example.com/x",
                "jdbc:postgresql://db/acme?PASSWORD=pw|jdbc:postgresql://db/acme?PASSWORD=***",
                "no url here, password=pw as prose|no url here, password=pw as prose",
                "https://mb.example.com/api/card/1|https://mb.example.com/api/card/1"
            })
    void masksUserInfoAndSecretParameters(String text, String redacted) {
        assertThat(Redaction.urls(text)).isEqualTo(redacted);
    }
}
