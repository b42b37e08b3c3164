package dev.ktx.ingest.planner.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ktx.ingest.core.config.KtxConfig;
import dev.ktx.ingest.core.config.KtxConfigLoader;
import dev.ktx.ingest.core.messaging.InvalidMessageException;
import dev.ktx.ingest.core.messaging.ProjectRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Reading CloudEvents in both modes, finding their project, and matching them against a project's rules. */
class EventTargetsTest {

    private static final String CONNECTIONS = """
            connections:
              warehouse: { driver: postgres, url: env:WAREHOUSE_URL }
              docs: { driver: notion, snapshot_dir: ./notion }
              analytics_dbt: { driver: dbt, source_dir: ./dbt }
            """;
    private static final KtxConfig WITH_RULES = config(CONNECTIONS + """
            ingest:
              triggers:
                - { type: "notion.*", targets: [docs], databaseFirst: false }
                - { type: com.github.push, source: "https://github.com/acme/*", targets: [analytics_dbt] }
                - { type: com.github.push, subject: "refs/tags/*", targets: all }
            """);
    private static final KtxConfig BUILT_IN = config(CONNECTIONS);

    @Test
    void everyMatchingRuleAddsItsTargets() {
        assertThat(EventTargets.match(WITH_RULES, event("notion.page.updated", "/notion", null)))
                .contains(new EventTargets(Optional.of(new TreeSet<>(List.of("docs"))), false));
        assertThat(EventTargets.match(
                        WITH_RULES, event("com.github.push", "https://github.com/acme/dbt", "refs/heads/main")))
                .contains(new EventTargets(Optional.of(new TreeSet<>(List.of("analytics_dbt"))), true));
        assertThat(EventTargets.match(
                        WITH_RULES, event("com.github.push", "https://github.com/acme/dbt", "refs/tags/v1")))
                .as("all wins the union")
                .contains(new EventTargets(Optional.empty(), true));
        assertThat(EventTargets.match(WITH_RULES, event("com.github.push", "https://github.com/other/x", null)))
                .isEmpty();
        assertThat(EventTargets.match(WITH_RULES, event(EventTargets.BUILT_IN_TYPE, "/x", null)))
                .as("with rules the built-in one is off")
                .isEmpty();
    }

    @Test
    void theBuiltInRuleTakesItsTargetsFromTheData() {
        CloudEvent one = CloudEvent.structured("""
                {"specversion":"1.0","id":"1","source":"/s","type":"ktx.ingest.requested",
                 "data":{"project":{"projectId":"acme","projectDir":"/repos/acme"},"connectionId":"docs"}}""");
        assertThat(EventTargets.match(BUILT_IN, one))
                .contains(new EventTargets(Optional.of(new TreeSet<>(List.of("docs"))), false));
        assertThat(one.project()).isEqualTo(new ProjectRef("acme", "/repos/acme"));

        CloudEvent all = CloudEvent.structured("""
                {"specversion":"1.0","id":"2","source":"/s","type":"ktx.ingest.requested","ktxprojectdir":"/repos/acme",
                 "data":{"all":true}}""");
        assertThat(EventTargets.match(BUILT_IN, all)).contains(new EventTargets(Optional.empty(), false));

        CloudEvent unknown = CloudEvent.structured("""
                {"specversion":"1.0","id":"3","source":"/s","type":"ktx.ingest.requested","ktxprojectdir":"/repos/acme",
                 "data":{"connectionId":"nope"}}""");
        assertThatThrownBy(() -> EventTargets.match(BUILT_IN, unknown))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "CloudEvent data.connectionId: unknown connection nope (known: analytics_dbt, docs, warehouse)");
        assertThat(EventTargets.match(BUILT_IN, event("other.type", "/s", null)))
                .isEmpty();
    }

    @Test
    void binaryModeReadsCeHeadersAndJsonData() {
        CloudEvent event = CloudEvent.binary(
                Map.of(
                        "Ce-Specversion",
                        "1.0",
                        "ce-id",
                        "7",
                        "ce-source",
                        "/git",
                        "ce-type",
                        "com.github.push",
                        "ce-subject",
                        "refs/heads/main",
                        "ce-ktxprojectdir",
                        "/repos/acme",
                        "ce-ktxprojectid",
                        "acme-prod",
                        "Content-Type",
                        "application/json"),
                "application/json; charset=utf-8",
                "{\"after\":\"abc\"}");

        assertThat(event.id()).isEqualTo("7");
        assertThat(event.subject()).isEqualTo("refs/heads/main");
        assertThat(event.data().get("after").asText()).isEqualTo("abc");
        assertThat(event.project()).isEqualTo(new ProjectRef("acme-prod", "/repos/acme"));
        assertThat(CloudEvent.binary(
                                Map.of(
                                        "ce-specversion",
                                        "1.0",
                                        "ce-id",
                                        "8",
                                        "ce-source",
                                        "/s",
                                        "ce-type",
                                        "t",
                                        "ce-ktxprojectdir",
                                        "/repos/acme"),
                                "text/plain",
                                "hello")
                        .data())
                .as("non-JSON data is left out")
                .isNull();
    }

    @Test
    void malformedEventsNameWhatIsWrong() {
        assertThatThrownBy(() -> CloudEvent.structured("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\"}"))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage("CloudEvent attribute missing: type");
        assertThatThrownBy(() -> CloudEvent.structured(
                        "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}"))
                .hasMessage("unsupported CloudEvents specversion 0.3 (supported: 1.0)");
        assertThatThrownBy(() -> CloudEvent.structured("[1]")).hasMessage("CloudEvent must be a JSON object");
        assertThatThrownBy(() -> CloudEvent.structured("{\"secret\": \"hunter2\""))
                .hasMessageStartingWith("unreadable CloudEvent: ")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> event("t", "/s", null).project())
                .isInstanceOf(InvalidMessageException.class)
                .hasMessage(
                        "CloudEvent names no project: give data.project.projectDir or the ktxprojectdir extension attribute");
        assertThatThrownBy(() -> CloudEvent.structured("""
                {"specversion":"1.0","id":"1","source":"/s","type":"t","data":{"project":{"projectId":"x"}}}""").project())
                .hasMessage("CloudEvent data.project.projectDir is required (a string)");
    }

    private static CloudEvent event(String type, String source, String subject) {
        return new CloudEvent("id-1", source, type, subject, null, Map.of());
    }

    private static KtxConfig config(String yaml) {
        return new KtxConfigLoader().parse(yaml, Path.of("/repos/acme"));
    }
}
