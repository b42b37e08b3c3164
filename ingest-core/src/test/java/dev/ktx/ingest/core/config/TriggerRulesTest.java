package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code ingest.triggers} and {@code ingest.debounce}: reading, strict validation, and matching events. */
class TriggerRulesTest {

    private static final String CONNECTIONS = """
            connections:
              warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
              docs: { driver: notion, snapshot_dir: ./notion }
              analytics_dbt: { driver: dbt, source_dir: ./dbt }
            """;

    private final KtxConfigLoader loader = new KtxConfigLoader();

    private IngestSettings ingest(String ingestYaml) {
        return loader.parse(CONNECTIONS + ingestYaml, Path.of("/projects/acme")).ingest();
    }

    private List<String> problemsOf(String ingestYaml) {
        return catchThrowableOfType(
                        ConfigException.class, () -> loader.parse(CONNECTIONS + ingestYaml, Path.of("/projects/acme")))
                .problems();
    }

    @Test
    void withoutTriggersTheBuiltInRuleAppliesAndDebounceDefaultsTo30s() {
        IngestSettings ingest = ingest("ingest: { sources: { maxConcurrency: 2 } }\n");
        assertThat(ingest.triggers()).isEmpty();
        assertThat(ingest.debounce()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsRulesWithTargetsPatternsAndDatabaseFirst() {
        IngestSettings ingest = ingest("""
                ingest:
                  debounce: 0s
                  triggers:
                    - { type: com.github.push, source: "https://github.com/acme/*", targets: [docs, analytics_dbt], databaseFirst: false }
                    - { type: "notion.*", subject: "page/*", targets: all }
                """);
        assertThat(ingest.debounce()).isZero();
        assertThat(ingest.triggers())
                .containsExactly(
                        new TriggerRule(
                                new EventPattern("com.github.push"),
                                Optional.of(new EventPattern("https://github.com/acme/*")),
                                Optional.empty(),
                                Optional.of(new TreeSet<>(List.of("analytics_dbt", "docs"))),
                                false),
                        new TriggerRule(
                                new EventPattern("notion.*"),
                                Optional.empty(),
                                Optional.of(new EventPattern("page/*")),
                                Optional.empty(),
                                true));
    }

    @Test
    void rejectsUnknownFieldsUnknownConnectionsBadPatternsAndBadTargets() {
        assertThat(problemsOf("""
                ingest:
                  triggers:
                    - { type: a, targets: [docs], when: always }
                    - { type: b, targets: [docs, foo] }
                    - { type: "c?", source: "", targets: all }
                    - { targets: some }
                    - { type: d, targets: [], databaseFirst: maybe }
                    - just-a-string
                """)).containsExactly("Invalid ingest.triggers[5]: expected a mapping");
        assertThat(problemsOf("""
                ingest:
                  triggers:
                    - { type: a, targets: [docs], when: always }
                    - { type: b, targets: [docs, foo] }
                    - { type: "c?", source: "", targets: all }
                    - { targets: some }
                    - { type: d, targets: [], databaseFirst: maybe }
                """))
                .containsExactly(
                        "Invalid ingest.triggers[1].targets: unknown connection foo",
                        "Invalid ingest.triggers[2].type: '?' is not supported in a pattern (only * is a wildcard): c?",
                        "Invalid ingest.triggers[2].source: must not be empty",
                        "Missing ingest.triggers[3].type: a trigger rule matches events by their type",
                        "Invalid ingest.triggers[3].targets: expected all or a list of connection ids (got some)",
                        "Invalid ingest.triggers[4].targets: expected all or a list of connection ids (got an empty list)",
                        "Invalid ingest.triggers[4].databaseFirst: expected true or false",
                        "Unsupported ingest.triggers[0].when: unknown field");
    }

    @Test
    void rejectsADebounceThatIsNoDurationOrTooLong() {
        assertThat(problemsOf("ingest: { debounce: soon }\n"))
                .containsExactly("Invalid ingest.debounce: expected a duration such as 30s, 10m or 2h (got soon)");
        assertThat(problemsOf("ingest: { debounce: 2h }\n"))
                .containsExactly("Invalid ingest.debounce: must be between 0s and 1h (got 2h)");
        assertThat(problemsOf("ingest: { triggers: all }\n"))
                .containsExactly("Invalid ingest.triggers: expected a list of mappings");
    }

    @Test
    void aRuleMatchesTypeSourceAndSubjectPatterns() {
        TriggerRule rule = new TriggerRule(
                new EventPattern("com.github.*"),
                Optional.of(new EventPattern("https://github.com/acme/*")),
                Optional.of(new EventPattern("refs/heads/main")),
                Optional.empty(),
                true);

        assertThat(rule.matches("com.github.push", "https://github.com/acme/dbt", "refs/heads/main"))
                .isTrue();
        assertThat(rule.matches("com.github.push", "https://github.com/other/dbt", "refs/heads/main"))
                .isFalse();
        assertThat(rule.matches("com.gitlab.push", "https://github.com/acme/dbt", "refs/heads/main"))
                .isFalse();
        assertThat(rule.matches("com.github.push", "https://github.com/acme/dbt", "refs/heads/dev"))
                .isFalse();
        assertThat(rule.matches("com.github.push", "https://github.com/acme/dbt", null))
                .as("no subject")
                .isFalse();
    }

    @Test
    void aPatternIsLiteralExceptForTheStar() {
        assertThat(new EventPattern("a.b").matches("a.b")).isTrue();
        assertThat(new EventPattern("a.b").matches("axb"))
                .as(". is no wildcard")
                .isFalse();
        assertThat(new EventPattern("*").matches("")).isTrue();
        assertThat(new EventPattern("x*y*z").matches("x/1/y/2/z")).isTrue();
        assertThat(new EventPattern("x*y*z").matches("x/1/z")).isFalse();
        assertThat(new TriggerRule(new EventPattern("t"), Optional.empty(), Optional.empty(), Optional.empty(), true)
                        .matches("t", "any", null))
                .as("no source or subject pattern: any")
                .isTrue();
    }
}
