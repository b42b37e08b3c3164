package dev.ktx.ingest.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KtxConfigValidationTest {

    private static final String WAREHOUSE = "  warehouse: { driver: postgres, url: env:WAREHOUSE_URL }\n";

    private final KtxConfigLoader loader = new KtxConfigLoader();

    private ConfigException problemsOf(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> loader.parse(yaml, Path.of("/projects/acme")));
    }

    @Test
    void rejectsAnUnknownIngestKey() {
        assertThat(problemsOf("ingest: { sources: { maxConcurency: 4 } }\n").problems())
                .containsExactly("Unsupported ingest.sources.maxConcurency: unknown field");
    }

    @Test
    void rejectsAnUnknownTopLevelKey() {
        assertThat(problemsOf("connection: {}\n").problems()).containsExactly("Unsupported connection: unknown field");
    }

    @Test
    void rejectsAnUnknownKeyInsideAConnection() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL, contxt: { queryHistory: { enabled: true } } }
                """).problems())
                .containsExactly("Unsupported connections.warehouse.contxt: unknown field");
    }

    @Test
    void rejectsAnUnknownKeyNestedInAConnection() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:WAREHOUSE_URL, context: { queryHistory: { enable: true } } }
                """).problems())
                .containsExactly("Unsupported connections.warehouse.context.queryHistory.enable: unknown field");
    }

    @Test
    void rejectsUnknownAndOptionalDriversWithoutReportingTheirFields() {
        assertThat(problemsOf("""
                connections:
                  x: { driver: looker, base_url: https://looker.example.com }
                  mf: { driver: metricflow }
                """).problems())
                .containsExactly(
                        "Unsupported connections.x.driver: looker (supported: dbt, metabase, notion, postgres)",
                        "Unsupported connections.mf.driver: metricflow (supported: dbt, metabase, notion, postgres)");
    }

    @Test
    void requiresADriver() {
        assertThat(problemsOf("connections: { x: { url: env:X } }\n").problems())
                .containsExactly("Missing connections.x.driver: required (supported: dbt, metabase, notion, postgres)");
    }

    @Test
    void rejectsConcurrencyOutOfRange() {
        assertThat(problemsOf("ingest: { sources: { maxConcurrency: 65 }, workUnits: { maxConcurrency: 0 } }\n")
                        .problems())
                .containsExactly(
                        "Invalid ingest.sources.maxConcurrency: must be between 1 and 64 (got 65)",
                        "Invalid ingest.workUnits.maxConcurrency: must be between 1 and 64 (got 0)");
    }

    @Test
    void rejectsDeadlinesThatAreNotDurationsOrOutOfRange() {
        assertThat(problemsOf("ingest: { runTimeout: 8d, targetSilenceLimit: 500ms }\n")
                        .problems())
                .containsExactly(
                        "Invalid ingest.runTimeout: must be between 1s and 7d (got 8d)",
                        "Invalid ingest.targetSilenceLimit: must be between 1s and 7d (got 500ms)");
        assertThat(problemsOf("ingest: { runTimeout: 2 hours, targetSilenceLimit: 600 }\n")
                        .problems())
                .containsExactly(
                        "Invalid ingest.runTimeout: expected a duration such as 30s, 10m or 2h (got 2 hours)",
                        "Invalid ingest.targetSilenceLimit: expected a duration such as 30s, 10m or 2h");
        assertThat(problemsOf("ingest: { runTimout: 2h }\n").problems())
                .containsExactly("Unsupported ingest.runTimout: unknown field");
    }

    @Test
    void rejectsMinExecutionsBelowOne() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:W, context: { queryHistory: { minExecutions: 0 } } }
                """).problems())
                .containsExactly(
                        "Invalid connections.warehouse.context.queryHistory.minExecutions: must be at least 1 (got 0)");
    }

    @Test
    void rejectsWrongTypes() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:W, schemas: public, enabled_tables: [public.a, [x]] }
                  other: { driver: postgres, url: env:W, context: { queryHistory: { enabled: maybe, minExecutions: 2.5 } } }
                ingest: { sources: 4, workUnits: { maxConcurrency: "2" } }
                """).problems())
                .containsExactly(
                        "Invalid connections.warehouse.schemas: expected a list of strings",
                        "Invalid connections.warehouse.enabled_tables: expected a list of strings",
                        "Invalid connections.other.context.queryHistory.enabled: expected true or false",
                        "Invalid connections.other.context.queryHistory.minExecutions: expected an integer",
                        "Invalid ingest.sources: expected a mapping",
                        "Invalid ingest.workUnits.maxConcurrency: expected an integer");
    }

    @Test
    void rejectsBadValues() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:W, schemas: [], enabled_tables: [orders] }
                  mb: { driver: metabase, api_url: "ftp://mb.example.com", api_key: "" }
                """).problems())
                .containsExactly(
                        "Invalid connections.warehouse.schemas: must not be empty (leave it out to use the default)",
                        "Invalid connections.warehouse.enabled_tables: expected schema.table names",
                        "Invalid connections.mb.api_url: expected an http or https URL",
                        "Invalid connections.mb.api_key: must not be empty");
    }

    @Test
    void reportsMissingRequiredKeys() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres }
                  mb: { driver: metabase, api_url: https://mb.example.com }
                  docs: { driver: notion, root_page_ids: [c47a1e923b5d4f608e2791d4b6a0c3f5] }
                  dbt: { driver: dbt }
                """).problems())
                .containsExactly(
                        "Missing connections.warehouse.url: required for driver postgres",
                        "Missing connections.mb.api_key: required for driver metabase unless snapshot_dir is given",
                        "Missing connections.docs.auth_token: required for driver notion unless snapshot_dir is given",
                        "Missing connections.dbt.source_dir: required for driver dbt unless repo_url, branch and path are given");
    }

    @Test
    void validatesTheLiveApiOptionsNamingEach() {
        assertThat(problemsOf("""
                connections:
                  docs: { driver: notion, auth_token: env:T, crawl_mode: everything, max_pages_per_run: 0,
                          root_page_ids: [c47a1e92-3b5d-4f60-8e27-91d4b6a0c3f5, my-page], api_url: "https://api.notion.com?x=1" }
                  tree: { driver: notion, auth_token: env:T, crawl_mode: tree }
                  mb: { driver: metabase, api_url: "https://admin:pw@mb.example.com", api_key: env:K }
                """).problems())
                .containsExactly(
                        "Invalid connections.docs.api_url: must not have a query or fragment (API paths are appended to it)",
                        "Invalid connections.docs.root_page_ids: not a Notion page id: my-page (expected 32 hex digits, dashes allowed)",
                        "Invalid connections.docs.crawl_mode: expected tree or search (got everything)",
                        "Invalid connections.docs.max_pages_per_run: must be at least 1 (got 0)",
                        "Missing connections.tree.root_page_ids: required with crawl_mode: tree",
                        "Invalid connections.mb.api_url: must not embed credentials (use the secret reference)");
    }

    @Test
    void validatesTheDbtProjectLocation() {
        assertThat(problemsOf("connections:\n" + WAREHOUSE + """
                  both: { driver: dbt, source_dir: ./dbt, repo_url: https://github.com/acme/dbt.git, branch: main, path: . }
                  partial: { driver: dbt, repo_url: https://github.com/acme/dbt.git }
                  stray: { driver: dbt, source_dir: ./dbt, branch: main }
                  token: { driver: dbt, repo_url: "https://x-access-token:ghp_s3cr3t@github.com/acme/dbt.git", branch: main, path: . }
                  ssh: { driver: dbt, repo_url: "git@github.com:acme/dbt.git", branch: "main..x", path: ../up }
                  daemon: { driver: dbt, repo_url: "git://git.example.com/dbt.git", branch: main, path: ., token: env:T }
                  inline: { driver: dbt, repo_url: https://github.com/acme/dbt.git, branch: main, path: /abs, token: ghp_s3cr3t }
                  local: { driver: dbt, source_dir: ./dbt, token: env:T }
                """).problems())
                .containsExactly(
                        "Invalid connections.both.source_dir: give either source_dir or repo_url + branch + path, not both",
                        "Missing connections.partial.branch: required with repo_url",
                        "Missing connections.partial.path: required with repo_url",
                        "Invalid connections.stray.branch: only used with repo_url",
                        "Invalid connections.token.repo_url: must not embed credentials (use token: env:NAME or file:/path)",
                        "Invalid connections.ssh.repo_url: expected an https, http, git or file URL (ssh is not supported; use https with token)",
                        "Invalid connections.ssh.branch: not a valid git branch name: main..x",
                        "Invalid connections.ssh.path: must be a relative path inside the repository (. for its root)",
                        "Invalid connections.daemon.token: only sent over an http or https repo_url",
                        "Invalid connections.inline.token: secrets must be referenced as env:NAME or file:/path",
                        "Invalid connections.inline.path: must be a relative path inside the repository (. for its root)",
                        "Invalid connections.local.token: only used with repo_url");
    }

    @Test
    void rejectsReferencesToConnectionsThatAreNotDatabases() {
        assertThat(problemsOf("connections:\n" + WAREHOUSE + """
                  docs: { driver: notion, snapshot_dir: ./notion }
                  dbt: { driver: dbt, source_dir: ./dbt, target_connection: docs }
                  mb:
                    driver: metabase
                    api_url: https://mb.example.com
                    api_key: env:MB
                    mappings: { databaseMappings: { 2: warehous, "3": warehouse, prod: warehouse } }
                """).problems())
                .containsExactly(
                        "Invalid connections.dbt.target_connection: docs is not a database connection of ktx.yaml (database connections: warehouse)",
                        "Invalid connections.mb.mappings.databaseMappings.2: warehous is not a database connection of ktx.yaml (database connections: warehouse)",
                        "Invalid connections.mb.mappings.databaseMappings.prod: Metabase database ids are numbers");
    }

    @Test
    void requiresTheDbtTargetConnectionUnlessThereIsExactlyOneDatabase() {
        assertThat(problemsOf("""
                connections:
                  a: { driver: postgres, url: env:A }
                  b: { driver: postgres, url: env:B }
                  dbt: { driver: dbt, source_dir: ./dbt }
                """).problems())
                .containsExactly(
                        "Missing connections.dbt.target_connection: required when ktx.yaml does not have exactly one database connection (database connections: a, b)");
    }

    @Test
    void aDbtProjectNeedsADatabaseConnection() {
        assertThat(problemsOf("connections: { dbt: { driver: dbt, source_dir: ./dbt } }\n")
                        .problems())
                .containsExactly(
                        "Missing connections.dbt.target_connection: required when ktx.yaml does not have exactly one database connection (it has none)");
    }

    @Test
    void rejectsConnectionIdsThatCannotBeGitRefComponents() {
        assertThat(problemsOf("""
                connections:
                  "my warehouse": { driver: postgres, url: env:A }
                  _hidden: { driver: postgres, url: env:B }
                """).problems())
                .containsExactly(
                        "Invalid connections.my warehouse: connection id must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (it becomes part of git ref names)",
                        "Invalid connections._hidden: connection id must match ^[A-Za-z0-9][A-Za-z0-9_-]*$ (it becomes part of git ref names)");
    }

    @Test
    void collectsEveryProblemIntoOneMessage() {
        ConfigException e = problemsOf("""
                connections:
                  warehouse: { driver: postgres }
                ingest: { sources: { maxConcurrency: 100 } }
                extra: true
                """);

        assertThat(e).hasMessage("""
                Missing connections.warehouse.url: required for driver postgres
                Invalid ingest.sources.maxConcurrency: must be between 1 and 64 (got 100)
                Unsupported extra: unknown field""");
        assertThat(e.problems()).hasSize(3);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertThat(problemsOf("# nothing yet\n").problems())
                .containsExactly("Invalid ktx.yaml: the file is empty (expected connections and ingest)");
    }

    @Test
    void rejectsATopLevelThatIsNotAMapping() {
        assertThat(problemsOf("- warehouse\n- docs\n").problems())
                .containsExactly("Invalid ktx.yaml: expected a mapping at the top level (connections, ingest)");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:W
                ingest: {}
                """).problems())
                .singleElement()
                .isEqualTo("Invalid ktx.yaml: line 3, column 7: expected ',' or '}', but got :");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThat(problemsOf("""
                connections:
                  warehouse: { driver: postgres, url: env:A }
                  warehouse: { driver: postgres, url: env:B }
                """).problems())
                .containsExactly("Invalid ktx.yaml: line 3, column 3: found duplicate key warehouse");
    }

    @Test
    void refusesToConstructArbitraryTypes() {
        assertThat(problemsOf("connections: !!java.util.concurrent.ConcurrentHashMap {}\n")
                        .problems())
                .singleElement()
                .isEqualTo(
                        "Invalid ktx.yaml: line 1, column 14: Global tag is not allowed: tag:yaml.org,2002:java.util.concurrent.ConcurrentHashMap");
    }

    @Test
    void reportsAMissingKtxYaml(@TempDir Path projectDir) {
        assertThatThrownBy(() -> loader.load(projectDir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Missing " + projectDir.resolve("ktx.yaml") + ": the project directory has no ktx.yaml");
    }
}
